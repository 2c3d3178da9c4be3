namespace FhirTrials.Sync.Pull;

/// <summary>How pulled studies are written.</summary>
public enum PullFormat
{
    /// <summary>One collection Bundle per study (the study and what it references), <c>&lt;registry id&gt;.json</c>.</summary>
    Bundle,

    /// <summary>One trial record per study (the reverse mapping), <c>&lt;registry id&gt;.json</c>.</summary>
    Records,
}

/// <summary>What <c>fhirtrials pull</c> does.</summary>
public sealed class PullOptions
{
    public required string OutputFolder { get; init; }

    public PullFormat Format { get; init; } = PullFormat.Bundle;

    /// <summary>Only studies changed since then (default: since the last pull into the folder; everything the first time).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Studies per page asked for.</summary>
    public int PageSize { get; init; } = 50;
}

/// <summary>
/// The outcome of a pull: studies and resources written, one line per study that could not be, the files
/// written, and the lower bound of the next pull (null when failures kept it where it was).
/// </summary>
public sealed record PullReport(string Server, DateTimeOffset? Since, DateTimeOffset? NextSince, int Studies, int Resources, IReadOnlyList<string> Failures, IReadOnlyList<string> Files);
