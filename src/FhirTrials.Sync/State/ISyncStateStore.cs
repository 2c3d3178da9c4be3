namespace FhirTrials.Sync.State;

/// <summary>
/// Where the sync remembers what the server confirmed: an SQLite file for one worker, PostgreSQL for
/// several. Written only after the server confirms (commit-after-confirm), so a crash replays work and
/// never skips it. Thread-safe.
/// </summary>
public interface ISyncStateStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>The per-registry-id locks that serialize writes (across processes for PostgreSQL).</summary>
    ISyncLocks Locks { get; }

    /// <summary>Creates or upgrades the schema.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken);

    Task SetMetaAsync(string key, string value, CancellationToken cancellationToken);

    /// <summary>Settled source files and their hashes.</summary>
    Task<IReadOnlyDictionary<string, string>> SourceHashesAsync(CancellationToken cancellationToken);

    /// <summary>The states of <paramref name="registryIds"/> that exist, with their resources.</summary>
    Task<IReadOnlyDictionary<string, TrialState>> GetTrialsAsync(IReadOnlyCollection<string> registryIds, CancellationToken cancellationToken);

    /// <summary>The server addresses (<c>Type/id</c>) of shared resources by fullUrl, for those known.</summary>
    Task<IReadOnlyDictionary<string, string>> SharedAsync(IReadOnlyCollection<string> fullUrls, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="commit"/> in one transaction.</summary>
    Task CommitAsync(StateCommit commit, CancellationToken cancellationToken);

    /// <summary>Trials on the server (synced or in conflict) that no settled source holds any more.</summary>
    Task<IReadOnlyList<string>> OrphanedTrialsAsync(CancellationToken cancellationToken);

    /// <summary>All trials with <paramref name="status"/>, without resources, in registry id order.</summary>
    IAsyncEnumerable<TrialState> TrialsAsync(TrialSyncStatus status, CancellationToken cancellationToken);

    /// <summary>Every resource of synced or conflicting trials, in type and id order.</summary>
    IAsyncEnumerable<ResourceState> ResourcesAsync(CancellationToken cancellationToken);

    Task<StateCounts> CountsAsync(CancellationToken cancellationToken);
}

/// <summary>Locks on string keys (registry ids, shared conditional-create keys).</summary>
public interface ISyncLocks
{
    /// <summary>A set of locks held together and released together on dispose.</summary>
    Task<ISyncLockSet> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Locks held by one chunk. To stay free of deadlocks callers try-lock their own keys, and wait only
/// for shared keys taken in ordinal order while holding no key they waited for out of order.
/// </summary>
public interface ISyncLockSet : IAsyncDisposable
{
    /// <summary>Takes <paramref name="key"/> if it is free; false when another holder has it.</summary>
    Task<bool> TryAcquireAsync(string key, CancellationToken cancellationToken);

    /// <summary>Waits for <paramref name="key"/>.</summary>
    Task AcquireAsync(string key, CancellationToken cancellationToken);

    /// <summary>Lets <paramref name="key"/> go early (e.g. a trial dropped from the chunk).</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
