using System.Globalization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Diagnostics;
using FhirTrials.Sync.Engine.Sending;
using FhirTrials.Sync.Engine.Sources;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Targets;
using FhirTrials.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// Keeps a FHIR server in step with a folder of trial records. A pass reads the files that changed,
/// maps and validates their trials (invalid ones go to the dead-letter folder), sends the trials whose
/// mapped content differs from what the server confirmed, in transactions of whole trials, and records
/// the server's confirmation afterwards — so a crash repeats work and never skips it, and repeating is
/// harmless (conditional and version-aware writes). Trials that left the source are handled by the
/// removal policy; edits made on the server are found and handled by the drift policy.
/// </summary>
public sealed partial class SyncEngine
{
    /// <summary>The state-store key of the learned bundle entry limit.</summary>
    public const string BundleLimitKey = "bundle_limit";

    internal const string TargetKey = "target";
    internal const string DriftCheckKey = "last_drift_check";

    private readonly SyncOptions _options;
    private readonly ISyncTarget _target;
    private readonly ISyncStateStore _store;
    private readonly ILogger _logger;
    private readonly SyncMetrics? _metrics;
    private readonly TimeProvider _time;
    private readonly FhirValidator _validator;
    private readonly TrialBundleMapper _mapper;
    private readonly TrialFolderSource _source;
    private readonly DeadLetterReport _deadLetters;
    private readonly SemaphoreSlim _passGate = new(1, 1);
    private BundleLimit? _limit;

    public SyncEngine(SyncOptions options, ISyncTarget target, ISyncStateStore store, ILogger? logger = null, SyncMetrics? metrics = null, TimeProvider? time = null, FhirValidator? validator = null, TrialBundleMapper? mapper = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _target = target;
        _store = store;
        _logger = logger ?? NullLogger.Instance;
        _metrics = metrics;
        _time = time ?? TimeProvider.System;
        _validator = validator ?? FhirValidator.Default;
        _mapper = mapper ?? TrialBundleMapper.Default;
        _source = new TrialFolderSource(options.Source.Path ?? throw new ArgumentException("Sync:Source:Path is required", nameof(options)), options.Source.Format)
        {
            Salt = options.Validate ? "validate" : "no-validate",
        };
        _deadLetters = new DeadLetterReport(options.DeadLetterPath);
    }

    /// <summary>The source folder.</summary>
    public TrialFolderSource Source => _source;

    /// <summary>The dead-letter folder.</summary>
    public DeadLetterReport DeadLetters => _deadLetters;

    /// <summary>The bundle entry limit in use (after the first pass: the configured size lowered to the server's).</summary>
    public int ChunkSize => _limit?.Current ?? _options.ChunkSize;

    /// <summary>
    /// Runs one pass. <paramref name="stop"/> ends it early: no new chunk starts, the chunks in flight get
    /// <see cref="SyncOptions.ShutdownGrace"/> to finish and are abandoned after (their trials stay unsent).
    /// </summary>
    public async Task<SyncReport> RunOnceAsync(SyncRunOptions? run = null, CancellationToken stop = default)
    {
        run ??= new SyncRunOptions();
        await _passGate.WaitAsync(stop);
        using var abandon = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        await using var registration = stop.Register(() => abandon.CancelAfter(_options.ShutdownGrace));
        try
        {
            var report = new SyncReport(_time.GetUtcNow());
            SyncLog.PassStarted(_logger, _source.Folder, _target.Description);
            var limit = await PrepareAsync(abandon.Token);
            var context = new SyncContext
            {
                Target = _target,
                Store = _store,
                Options = _options,
                Report = report,
                Logger = _logger,
                Metrics = _metrics,
                DeadLetters = _deadLetters,
                Limit = limit,
                Time = _time,
                Abandon = abandon.Token,
            };
            if (run.CheckDrift || await DriftCheckDueAsync(abandon.Token))
            {
                await new DriftChecker(context).RunAsync();
            }

            var unreadable = await ScanAsync(context, run, stop);
            if (!stop.IsCancellationRequested)
            {
                await new RemovalHandler(context).RunAsync(SourceListedFiles);
            }

            await _deadLetters.WriteSummaryAsync(_store, unreadable, _time.GetUtcNow(), abandon.Token);
            report.ChunkSize = limit.Current;
            report.FinishedAt = _time.GetUtcNow();
            SyncLog.PassFinished(
                _logger, (report.FinishedAt.Value - report.StartedAt).TotalSeconds, report.Seen, report.Unchanged, report.Changed, report.Sent, report.Failed, report.Invalid, report.Removed, report.Drift.Count);
            return report;
        }
        finally
        {
            _passGate.Release();
        }
    }

    /// <summary>Files the last scan listed (0: the source looked empty).</summary>
    private int SourceListedFiles { get; set; }

    /// <summary>Migrates the state, checks the server (R4, transactions) and decides the bundle limit.</summary>
    private async Task<BundleLimit> PrepareAsync(CancellationToken cancellationToken)
    {
        if (_limit is not null)
        {
            return _limit;
        }

        await _store.MigrateAsync(cancellationToken);
        var owner = await _store.GetMetaAsync(TargetKey, cancellationToken);
        if (owner is null)
        {
            await _store.SetMetaAsync(TargetKey, _target.Description, cancellationToken);
        }
        else if (!string.Equals(owner, _target.Description, StringComparison.Ordinal))
        {
            throw new SyncException($"the state store belongs to {owner}, not {_target.Description}; give this target its own state file");
        }

        ServerCapabilities capabilities;
        try
        {
            capabilities = await _target.GetCapabilitiesAsync(cancellationToken);
        }
        catch (FhirClientException ex)
        {
            throw new SyncException($"{_target.Description}: the capability check failed: {ex.Message}", ex);
        }

        if (!capabilities.IsR4)
        {
            throw new SyncException($"{_target.Description} speaks FHIR {capabilities.FhirVersion ?? "(no version stated)"}; FhirTrials writes R4 (4.0.x)");
        }

        if (!capabilities.SupportsTransaction)
        {
            throw new SyncException($"{_target.Description} does not support transaction Bundles (CapabilityStatement.rest.interaction); the sync needs them to write each trial atomically");
        }

        var limit = new BundleLimit(_options.ChunkSize);
        if (capabilities.MaxBundleEntries is { } stated)
        {
            limit.Lower(stated);
        }

        if (await _store.GetMetaAsync(BundleLimitKey, cancellationToken) is { } learned && int.TryParse(learned, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            limit.Lower(value);
        }

        SyncLog.Connected(_logger, _target.Description, capabilities.FhirVersion, capabilities.Software, limit.Current);
        _limit = limit;
        return limit;
    }

    private async Task<bool> DriftCheckDueAsync(CancellationToken cancellationToken)
    {
        if (_options.Drift.CheckInterval <= TimeSpan.Zero)
        {
            return false;
        }

        var last = await _store.GetMetaAsync(DriftCheckKey, cancellationToken);
        if (last is null)
        {
            await _store.SetMetaAsync(DriftCheckKey, _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), cancellationToken);
            return false;
        }

        return DateTimeOffset.TryParse(last, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)
            && _time.GetUtcNow() - when >= _options.Drift.CheckInterval;
    }
}
