namespace FhirTrials.Sync.State;

/// <summary>Where a trial stands with the server.</summary>
public enum TrialSyncStatus
{
    /// <summary>The server has exactly <see cref="TrialState.ContentHash"/>.</summary>
    Synced,

    /// <summary>Mapping or validation failed; nothing was sent (a dead letter).</summary>
    Invalid,

    /// <summary>The server's copy was edited by someone else and the drift policy kept it.</summary>
    Conflict,

    /// <summary>The trial left the source; the removal policy was applied.</summary>
    Removed,
}

/// <summary>The state of one trial: what the server confirmed, what was last examined, and its resources there.</summary>
public sealed record TrialState(
    string RegistryId,
    TrialSyncStatus Status,
    string? ContentHash,
    string? CheckedHash,
    string? Source,
    string? Study,
    string? Message,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The resources the trial owns on the server (null: unchanged when committing, not loaded when reading).</summary>
    public IReadOnlyList<ResourceState>? Resources { get; init; }
}

/// <summary>
/// One resource as the server confirmed it: its address there, the fullUrl and request URL the mapper
/// gave it, the version and time the server reported, and the canonical hash of the content sent with
/// its references resolved to the server's ids (<see cref="Engine.ContentHash"/>), which is what the
/// server holds.
/// </summary>
public sealed record ResourceState(
    string Type,
    string Id,
    string RegistryId,
    string FullUrl,
    string RequestUrl,
    string? VersionId,
    string? LastUpdated,
    string ContentHash);

/// <summary>A source file whose trials are all settled: its hash and the registry ids it holds.</summary>
public sealed record SourceState(string Path, string Hash, IReadOnlyList<string> RegistryIds);

/// <summary>What one state-store transaction writes: trials (with their resources), settled sources, vanished sources.</summary>
public sealed class StateCommit
{
    public List<TrialState> Trials { get; } = [];

    public List<SourceState> Sources { get; } = [];

    public List<string> DeletedSources { get; } = [];

    /// <summary>Shared resources (fullUrl → <c>Type/id</c> on the server) learned from responses.</summary>
    public Dictionary<string, string> Shared { get; } = new(StringComparer.Ordinal);

    /// <summary>Sources to read again next pass (their hash is cleared; the trials they hold stay theirs).</summary>
    public List<string> InvalidatedSources { get; } = [];

    public bool IsEmpty => Trials.Count == 0 && Shared.Count == 0 && Sources.Count == 0 && DeletedSources.Count == 0 && InvalidatedSources.Count == 0;
}

/// <summary>How many trials are in each status.</summary>
public sealed record StateCounts(long Synced, long Invalid, long Conflict, long Removed, long Resources);
