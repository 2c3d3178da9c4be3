using FhirTrials.Sync.Diagnostics;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Targets;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>What the parts of one pass share: target, state, settings, the pass's report, logging and metrics.</summary>
internal sealed class SyncContext
{
    public required ISyncTarget Target { get; init; }

    public required ISyncStateStore Store { get; init; }

    public required SyncOptions Options { get; init; }

    public required SyncReport Report { get; init; }

    public required ILogger Logger { get; init; }

    public required SyncMetrics? Metrics { get; init; }

    public required DeadLetterReport DeadLetters { get; init; }

    public required BundleLimit Limit { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Cancelled when shutdown's grace period is over: requests in flight are abandoned (their trials stay unsent).</summary>
    public required CancellationToken Abandon { get; init; }

    public DateTimeOffset Now => Time.GetUtcNow();
}

/// <summary>
/// A source file being synced: the trials it holds and how many are still in flight. It is settled (its
/// hash recorded, so the next pass skips it) only when it was read completely and every trial succeeded.
/// </summary>
internal sealed class FileProgress
{
    private readonly object _gate = new();
    private readonly List<string> _ids = [];
    private int _pending;
    private bool _failed;
    private bool _readDone;
    private bool _settled;

    public FileProgress(string path, string hash)
    {
        Path = path;
        Hash = hash;
    }

    public string Path { get; }

    public string Hash { get; }

    /// <summary>A trial of the file goes out; <paramref name="pending"/> when it waits for the server.</summary>
    public void Add(string registryId, bool pending)
    {
        lock (_gate)
        {
            _ids.Add(registryId);
            _pending += pending ? 1 : 0;
        }
    }

    /// <summary>A pending trial is done; the file's settled state when that was the last.</summary>
    public SourceState? Complete(bool success)
    {
        lock (_gate)
        {
            _pending--;
            _failed |= !success;
            return TrySettle();
        }
    }

    /// <summary>Reading ended (<paramref name="success"/> false: the file is bad or reading stopped).</summary>
    public SourceState? FinishReading(bool success)
    {
        lock (_gate)
        {
            _readDone = true;
            _failed |= !success;
            return TrySettle();
        }
    }

    private SourceState? TrySettle()
    {
        if (!_readDone || _pending > 0 || _failed || _settled)
        {
            return null;
        }

        _settled = true;
        return new SourceState(Path, Hash, [.. _ids]);
    }
}

/// <summary>A mapped, valid, changed trial waiting to be sent, and the file it belongs to.</summary>
internal sealed record PendingTrial(TrialPayload Payload, FileProgress File);
