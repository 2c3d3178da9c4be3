namespace FhirTrials.Server.Search;

/// <summary>Search limits (part of the server options).</summary>
public sealed class SearchOptions
{
    /// <summary>The page size when <c>_count</c> is not given.</summary>
    public int DefaultCount { get; set; } = 20;

    /// <summary>The largest page size; larger <c>_count</c> values are capped to it.</summary>
    public int MaxCount { get; set; } = 500;

    /// <summary>The most matches one search pages through (a snapshot of their keys is kept for paging).</summary>
    public int MaxResults { get; set; } = 10_000;

    /// <summary>How long a search's paging snapshot stays valid.</summary>
    public TimeSpan SnapshotLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many paging snapshots are kept at most (the oldest are dropped first).</summary>
    public int MaxSnapshots { get; set; } = 1000;

    /// <summary>How many <c>_include:iterate</c> rounds are followed at most.</summary>
    public int MaxIncludeIterations { get; set; } = 3;
}

/// <summary>How unknown or unsupported search parameters are handled (<c>Prefer: handling=…</c>).</summary>
public enum SearchHandling
{
    /// <summary>Ignore them and say so in an OperationOutcome entry (the default).</summary>
    Lenient,

    /// <summary>Reject the search (HTTP 400).</summary>
    Strict,
}
