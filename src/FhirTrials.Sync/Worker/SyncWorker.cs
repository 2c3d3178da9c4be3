using System.Data.Common;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Diagnostics;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.Targets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirTrials.Sync.Worker;

/// <summary>
/// The background sync job: a pass at start, then one every <see cref="SyncOptions.Interval"/>
/// (PeriodicTimer on the <see cref="TimeProvider"/>) and soon after the source folder changes. On
/// shutdown the chunk in flight gets <see cref="SyncOptions.ShutdownGrace"/> to be confirmed, else it is
/// abandoned unrecorded, so the state never claims an unconfirmed write.
/// </summary>
public sealed partial class SyncWorker : BackgroundService
{
    private readonly SyncOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger<SyncWorker> _logger;
    private readonly SyncMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly SyncStatus _status;
    private readonly ISyncTarget? _target;

    public SyncWorker(IOptions<SyncOptions> options, ILoggerFactory loggers, SyncMetrics metrics, TimeProvider time, SyncStatus status, IEnumerable<ISyncTarget> target)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        _options = options.Value;
        _loggers = loggers;
        _logger = loggers.CreateLogger<SyncWorker>();
        _metrics = metrics;
        _time = time;
        _status = status;
        _target = target.LastOrDefault();
    }

    /// <summary>Passes completed (for tests and diagnostics).</summary>
    public int Passes { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var components = await SyncComponents.CreateAsync(_options, _loggers, _metrics, _time, _target, stoppingToken);
        using var watcher = _options.Source.Watch ? new SourceWatcher(components.Engine.Source.Folder, _options.Source.WatchDelay, _time) : null;
        using var timer = new PeriodicTimer(_options.Interval, _time);
        Task<bool>? tick = null;
        Task? change = null;
        LogStarted(_logger, _options.WorkerId ?? Environment.MachineName, components.Engine.Source.Folder, components.Target.Description, _options.Interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunPassAsync(components.Engine, stoppingToken);
            Passes++;
            tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
            change ??= watcher?.WaitAsync(stoppingToken) ?? Task.Delay(Timeout.InfiniteTimeSpan, stoppingToken);
            try
            {
                var woke = await Task.WhenAny(tick, change);
                await woke;
                if (woke == tick)
                {
                    tick = null;
                }
                else
                {
                    change = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        LogStopped(_logger);
    }

    private async Task RunPassAsync(SyncEngine engine, CancellationToken stoppingToken)
    {
        _status.Running();
        try
        {
            _status.Finished(await engine.RunOnceAsync(stop: stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogAbandoned(_logger);
        }
        catch (Exception ex) when (ex is SyncException or FhirClientException or DbException or IOException or UnauthorizedAccessException)
        {
            var message = ex.Message.ReplaceLineEndings(" ");
            _status.Failed(message);
            LogPassFailed(_logger, message);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Sync worker {Worker} started: {Source} → {Target}, every {Interval}")]
    private static partial void LogStarted(ILogger logger, string worker, string source, string target, TimeSpan interval);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Sync worker stopped")]
    private static partial void LogStopped(ILogger logger);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Shutdown: the pass in flight was abandoned after the grace period; its unconfirmed chunks stay unsent")]
    private static partial void LogAbandoned(ILogger logger);

    [LoggerMessage(EventId = 103, Level = LogLevel.Error, Message = "Sync pass failed: {Reason}")]
    private static partial void LogPassFailed(ILogger logger, string reason);
}
