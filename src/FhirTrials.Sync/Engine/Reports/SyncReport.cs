using System.Text.Json;
using System.Text.Json.Serialization;

namespace FhirTrials.Sync.Engine;

/// <summary>The counts and findings of one pass; thread-safe to fill.</summary>
public sealed class SyncReport
{
    private readonly object _gate = new();
    private readonly List<SyncProblem> _problems = [];
    private readonly List<DriftFinding> _drift = [];
    private long _seen;
    private long _unchanged;
    private long _unchangedFiles;
    private long _changed;
    private long _sent;
    private long _failed;
    private long _invalid;
    private long _removed;
    private long _resourcesWritten;
    private long _requests;

    public SyncReport(DateTimeOffset startedAt) => StartedAt = startedAt;

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Trials read from changed source files (trials of unchanged files are not read at all).</summary>
    public long Seen => Interlocked.Read(ref _seen);

    /// <summary>Trials read from changed files whose mapped content equals what the server has.</summary>
    public long Unchanged => Interlocked.Read(ref _unchanged);

    /// <summary>Source files skipped unread because their content hash equals the one last settled.</summary>
    public long UnchangedFiles => Interlocked.Read(ref _unchangedFiles);

    /// <summary>Trials whose content differs from what the server has.</summary>
    public long Changed => Interlocked.Read(ref _changed);

    /// <summary>Trials the server confirmed.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Trials not sent this pass (no answer, refused); retried next pass.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Trials that failed mapping, validation or the server's checks (dead letters).</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Trials marked or deleted after leaving the source.</summary>
    public long Removed => Interlocked.Read(ref _removed);

    /// <summary>Resource writes the server confirmed.</summary>
    public long ResourcesWritten => Interlocked.Read(ref _resourcesWritten);

    /// <summary>Transactions and reads sent to the server.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The effective bundle entry limit at the end of the pass.</summary>
    public int ChunkSize { get; set; }

    public IReadOnlyList<SyncProblem> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    public IReadOnlyList<DriftFinding> Drift
    {
        get
        {
            lock (_gate)
            {
                return [.. _drift];
            }
        }
    }

    /// <summary>True when every trial was settled (sent, unchanged, dead-lettered or removed).</summary>
    [JsonIgnore]
    public bool Complete => Failed == 0;

    /// <summary>Writes the pass's counts as JSON properties (the CLI summary and the worker's <c>/health</c> share them).</summary>
    public void WriteCounts(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumber("seen", Seen);
        writer.WriteNumber("changed", Changed);
        writer.WriteNumber("sent", Sent);
        writer.WriteNumber("unchanged", Unchanged);
        writer.WriteNumber("unchangedFiles", UnchangedFiles);
        writer.WriteNumber("failed", Failed);
        writer.WriteNumber("invalid", Invalid);
        writer.WriteNumber("removed", Removed);
        writer.WriteNumber("drifted", Drift.Count);
        writer.WriteNumber("requests", Requests);
        writer.WriteNumber("resourcesWritten", ResourcesWritten);
        writer.WriteNumber("chunkSize", ChunkSize);
    }

    internal void AddSeen(long n = 1) => Interlocked.Add(ref _seen, n);

    internal void AddUnchanged(long n = 1) => Interlocked.Add(ref _unchanged, n);

    internal void AddUnchangedFile() => Interlocked.Increment(ref _unchangedFiles);

    internal void AddChanged(long n = 1) => Interlocked.Add(ref _changed, n);

    internal void AddSent(long trials, long resources)
    {
        Interlocked.Add(ref _sent, trials);
        Interlocked.Add(ref _resourcesWritten, resources);
    }

    internal void AddFailed(long n = 1) => Interlocked.Add(ref _failed, n);

    internal void AddInvalid(long n = 1) => Interlocked.Add(ref _invalid, n);

    internal void AddRemoved(long n = 1) => Interlocked.Add(ref _removed, n);

    internal void AddRequest() => Interlocked.Increment(ref _requests);

    internal void Problem(string? registryId, string source, string message)
    {
        lock (_gate)
        {
            _problems.Add(new SyncProblem(registryId, source, message));
        }
    }

    internal void AddDrift(DriftFinding finding)
    {
        lock (_gate)
        {
            _drift.Add(finding);
        }
    }
}

/// <summary>A trial or file that could not be settled, and why (one line).</summary>
public sealed record SyncProblem(string? RegistryId, string Source, string Message);

/// <summary>A synced resource found changed on the server: edited (a newer version with other content) or deleted.</summary>
public sealed record DriftFinding(string RegistryId, string Type, string Id, string? OurVersion, string? ServerVersion, bool Deleted, bool Overwritten);
