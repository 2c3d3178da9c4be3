using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>
/// Sends chunks of trials as transactions. Each trial's lock is taken first (try, so another worker's
/// trials are deferred rather than waited for), then the shared conditional-create keys in ordinal
/// order; the trials' state is re-read under the locks so what another worker just sent is not sent
/// again. Deferred trials are sent at the end of the pass, waiting for their locks in order.
/// </summary>
internal sealed partial class ChunkSender
{
    private readonly SyncContext _context;
    private readonly ConflictResolver _conflicts;
    private readonly List<PendingTrial> _deferred = [];

    public ChunkSender(SyncContext context)
    {
        _context = context;
        _conflicts = new ConflictResolver(context, this);
    }

    /// <summary>Sends one chunk (called concurrently for different chunks).</summary>
    public async Task SendChunkAsync(IReadOnlyList<PendingTrial> chunk)
    {
        var cancel = _context.Abandon;
        await using var locks = await _context.Store.Locks.BeginAsync(cancel);
        var claimed = new List<PendingTrial>();
        foreach (var trial in chunk)
        {
            if (await locks.TryAcquireAsync(trial.Payload.LockKey, cancel))
            {
                claimed.Add(trial);
            }
            else
            {
                lock (_deferred)
                {
                    _deferred.Add(trial);
                }
            }
        }

        await SendClaimedAsync(locks, claimed);
    }

    /// <summary>Sends the trials other holders had locked, waiting for each lock in ordinal order.</summary>
    public async Task SendDeferredAsync()
    {
        while (true)
        {
            List<PendingTrial> batch;
            lock (_deferred)
            {
                if (_deferred.Count == 0)
                {
                    return;
                }

                batch = [.. _deferred.OrderBy(t => t.Payload.LockKey, StringComparer.Ordinal).Take(Math.Max(1, _context.Limit.Current / 8))];
                foreach (var trial in batch)
                {
                    _deferred.Remove(trial);
                }
            }

            await using var locks = await _context.Store.Locks.BeginAsync(_context.Abandon);
            foreach (var trial in batch)
            {
                await locks.AcquireAsync(trial.Payload.LockKey, _context.Abandon);
            }

            await SendClaimedAsync(locks, batch);
        }
    }

    private async Task SendClaimedAsync(ISyncLockSet locks, List<PendingTrial> claimed)
    {
        if (claimed.Count == 0)
        {
            return;
        }

        var cancel = _context.Abandon;
        foreach (var key in claimed.SelectMany(t => t.Payload.Entries).Where(e => e.IsShared).Select(e => e.SharedKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await locks.AcquireAsync(key, cancel);
        }

        var states = await _context.Store.GetTrialsAsync([.. claimed.Select(t => t.Payload.RegistryId)], cancel);
        var todo = new List<Planned>();
        var settled = new StateCommit();
        foreach (var trial in claimed)
        {
            var state = states.GetValueOrDefault(trial.Payload.RegistryId);
            if (state is { Status: TrialSyncStatus.Synced } && state.ContentHash == trial.Payload.BundleHash)
            {
                _context.Report.AddUnchanged();
                AddSource(settled, trial.File.Complete(success: true));
                continue;
            }

            todo.Add(new Planned(trial, state));
        }

        await _context.Store.CommitAsync(settled, cancel);
        await SendAsync(todo, conflictRetry: true);
    }

    private static void AddSource(StateCommit commit, SourceState? source)
    {
        if (source is not null)
        {
            commit.Sources.Add(source);
        }
    }

    /// <summary>A trial about to be sent and its state as last confirmed (null: never sent).</summary>
    internal sealed record Planned(PendingTrial Trial, TrialState? State)
    {
        public TrialPayload Payload => Trial.Payload;
    }
}
