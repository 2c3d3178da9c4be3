using System.Collections.Concurrent;

namespace FhirTrials.Server.Search.Paging;

/// <summary>The ordered matches of one search, kept so that its pages stay stable while data changes.</summary>
public sealed record SearchSnapshot(string Id, SearchQuery Query, IReadOnlyList<long> Pks, long Total, DateTimeOffset Expires);

/// <summary>
/// Paging snapshots: the row keys of a search's matches, in order, taken when the search runs; the
/// <c>next</c>/<c>previous</c> links page through them, so pages neither skip nor repeat resources
/// when others are written meanwhile. Snapshots expire after <see cref="SearchOptions.SnapshotLifetime"/>.
/// </summary>
public sealed class SearchSnapshots
{
    private readonly ConcurrentDictionary<string, SearchSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly SearchOptions _options;
    private readonly TimeProvider _time;

    public SearchSnapshots(SearchOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    public int Count => _snapshots.Count;

    public SearchSnapshot Add(SearchQuery query, IReadOnlyList<long> pks, long total)
    {
        var now = _time.GetUtcNow();
        Purge(now);
        var snapshot = new SearchSnapshot(Guid.NewGuid().ToString("N"), query, pks, total, now + _options.SnapshotLifetime);
        _snapshots[snapshot.Id] = snapshot;
        return snapshot;
    }

    /// <summary>The snapshot, or null when it never existed or has expired.</summary>
    public SearchSnapshot? Find(string id)
    {
        if (_snapshots.TryGetValue(id, out var snapshot) && snapshot.Expires > _time.GetUtcNow())
        {
            return snapshot;
        }

        _snapshots.TryRemove(id, out _);
        return null;
    }

    private void Purge(DateTimeOffset now)
    {
        foreach (var (id, snapshot) in _snapshots)
        {
            if (snapshot.Expires <= now)
            {
                _snapshots.TryRemove(id, out _);
            }
        }

        var excess = _snapshots.Count - _options.MaxSnapshots + 1;
        if (excess > 0)
        {
            foreach (var oldest in _snapshots.Values.OrderBy(s => s.Expires).Take(excess))
            {
                _snapshots.TryRemove(oldest.Id, out _);
            }
        }
    }
}
