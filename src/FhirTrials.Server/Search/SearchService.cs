using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search.Paging;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Search;

/// <summary>Runs searches: parses them, finds the matches, keeps a paging snapshot when there are several pages, reads the page and its includes.</summary>
public sealed class SearchService
{
    private readonly IFhirStore _store;
    private readonly SearchQueryParser _parser;
    private readonly SearchSnapshots _snapshots;
    private readonly SearchOptions _options;

    public SearchService(IFhirStore store, SearchQueryParser parser, SearchSnapshots snapshots, SearchOptions options)
    {
        _store = store;
        _parser = parser;
        _snapshots = snapshots;
        _options = options;
    }

    public SearchQueryParser Parser => _parser;

    /// <summary>The first page of a search on <paramref name="resourceType"/> (null: all types).</summary>
    public async Task<SearchResult> SearchAsync(string? resourceType, IEnumerable<KeyValuePair<string, string>> parameters, SearchHandling handling, CancellationToken cancellationToken)
    {
        var query = _parser.Parse(resourceType, parameters, handling);
        var pageSize = query.Count ?? _options.DefaultCount;
        if (query.Summary == SummaryMode.Count || pageSize == 0)
        {
            return new SearchResult { Query = query, Matches = [], Total = await _store.CountAsync(query, cancellationToken), PageSize = pageSize };
        }

        // Most searches fit one page: read the matches themselves, and only when there are more take the
        // keys of all of them for a paging snapshot.
        var firstPage = await _store.SearchResourcesAsync(query, pageSize + 1, cancellationToken);
        if (firstPage.Count <= pageSize)
        {
            return new SearchResult
            {
                Query = query,
                Matches = firstPage,
                Included = await IncludeAsync(query, firstPage, cancellationToken),
                Total = firstPage.Count,
                PageSize = pageSize,
                SnapshotSize = firstPage.Count,
            };
        }

        var pks = await _store.SearchAsync(query, _options.MaxResults + 1, cancellationToken);
        long total = pks.Count;
        if (pks.Count > _options.MaxResults)
        {
            total = await _store.CountAsync(query, cancellationToken);
            pks = [.. pks.Take(_options.MaxResults)];
        }

        var snapshot = pks.Count > pageSize ? _snapshots.Add(query, pks, total) : null;
        return await PageAsync(query, pks, 0, pageSize, total, snapshot?.Id, cancellationToken);
    }

    /// <summary>A page of an earlier search (its <c>next</c>/<c>previous</c> links); 410 Gone when the snapshot expired.</summary>
    public async Task<SearchResult> PageAsync(string snapshotId, int offset, int? count, CancellationToken cancellationToken)
    {
        var snapshot = _snapshots.Find(snapshotId)
            ?? throw new FhirOperationException(410, IssueType.NotFound, $"the search page '{snapshotId}' has expired or never existed: run the search again");
        var pageSize = Math.Min(count ?? snapshot.Query.Count ?? _options.DefaultCount, _options.MaxCount);
        offset = Math.Clamp(offset, 0, snapshot.Pks.Count);
        return await PageAsync(snapshot.Query, snapshot.Pks, offset, Math.Max(pageSize, 1), snapshot.Total, snapshot.Id, cancellationToken);
    }

    private async Task<SearchResult> PageAsync(SearchQuery query, IReadOnlyList<long> pks, int offset, int pageSize, long total, string? snapshotId, CancellationToken cancellationToken)
    {
        var page = pks.Skip(offset).Take(pageSize).ToArray();
        var matches = await _store.ReadByPksAsync(page, cancellationToken);
        var included = await IncludeAsync(query, matches, cancellationToken);
        return new SearchResult
        {
            Query = query,
            Matches = matches,
            Included = included,
            Total = total,
            Offset = offset,
            PageSize = pageSize,
            SnapshotId = snapshotId,
            SnapshotSize = pks.Count,
        };
    }

    private async Task<IReadOnlyList<StoredResource>> IncludeAsync(SearchQuery query, IReadOnlyList<StoredResource> matches, CancellationToken cancellationToken)
    {
        if (query.Includes.Count == 0 || matches.Count == 0)
        {
            return [];
        }

        var seen = new HashSet<long>(matches.Select(m => m.Pk));
        var included = new List<StoredResource>();
        AddNew(await _store.IncludeAsync(matches, query.Includes, cancellationToken), seen, included);

        var iterating = query.Includes.Where(i => i.Iterate).ToArray();
        IReadOnlyList<StoredResource> frontier = included.ToArray();
        for (var round = 0; round < _options.MaxIncludeIterations && iterating.Length > 0 && frontier.Count > 0; round++)
        {
            var found = new List<StoredResource>();
            AddNew(await _store.IncludeAsync(frontier, iterating, cancellationToken), seen, found);

            included.AddRange(found);
            frontier = found;
        }

        return included;
    }

    private static void AddNew(IReadOnlyList<StoredResource> resources, HashSet<long> seen, List<StoredResource> into)
    {
        foreach (var resource in resources)
        {
            if (seen.Add(resource.Pk))
            {
                into.Add(resource);
            }
        }
    }
}
