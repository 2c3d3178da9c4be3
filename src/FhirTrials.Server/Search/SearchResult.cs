using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Search;

/// <summary>One page of a search: the matches, what the includes added, the total, and where the page lies.</summary>
public sealed class SearchResult
{
    public required SearchQuery Query { get; init; }

    public required IReadOnlyList<StoredResource> Matches { get; init; }

    public IReadOnlyList<StoredResource> Included { get; init; } = [];

    /// <summary>The number of matches in all pages.</summary>
    public long Total { get; init; }

    /// <summary>The index of this page's first match among all matches.</summary>
    public int Offset { get; init; }

    public int PageSize { get; init; }

    /// <summary>The paging snapshot when there is more than one page.</summary>
    public string? SnapshotId { get; init; }

    /// <summary>How many matches the snapshot holds (at most <see cref="SearchOptions.MaxResults"/>).</summary>
    public int SnapshotSize { get; init; }

    public bool HasNext => SnapshotId is not null && Offset + PageSize < SnapshotSize;

    public bool HasPrevious => SnapshotId is not null && Offset > 0;
}
