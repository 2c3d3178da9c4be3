using FhirTrials.Server.Indexing;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage;

/// <summary>
/// The FHIR resource store: current versions, version history and search indexes, in SQLite or
/// PostgreSQL behind one implementation. Reads run on their own; every write runs in an
/// <see cref="IStoreTransaction"/> (one database transaction).
/// </summary>
public interface IFhirStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>Creates the schema or migrates it to the newest version; returns the schema version.</summary>
    Task<int> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The current version of a resource (a deletion when it was deleted), or null when it never existed.</summary>
    Task<StoredResource?> ReadAsync(string type, string id, CancellationToken cancellationToken);

    /// <summary>One version of a resource, or null.</summary>
    Task<StoredResource?> ReadVersionAsync(string type, string id, long versionId, CancellationToken cancellationToken);

    /// <summary>Versions, newest first: of one resource, of a type, or of everything (see <see cref="HistoryQuery"/>).</summary>
    Task<IReadOnlyList<StoredResource>> ReadHistoryAsync(HistoryQuery query, CancellationToken cancellationToken);

    /// <summary>Current, not deleted resources by row key, in the order given (missing ones left out).</summary>
    Task<IReadOnlyList<StoredResource>> ReadByPksAsync(IReadOnlyList<long> pks, CancellationToken cancellationToken);

    /// <summary>Current, not deleted resources by type and id (missing ones left out).</summary>
    Task<IReadOnlyList<StoredResource>> ReadByKeysAsync(IReadOnlyCollection<ResourceKey> keys, CancellationToken cancellationToken);

    /// <summary>The row keys of the matches of <paramref name="query"/> in its order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<long>> SearchAsync(SearchQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>The matches of <paramref name="query"/> themselves, in its order, at most <paramref name="limit"/> (one round trip for a single page).</summary>
    Task<IReadOnlyList<StoredResource>> SearchResourcesAsync(SearchQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>The number of matches of <paramref name="query"/>.</summary>
    Task<long> CountAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>The resources any of the <c>_include</c>/<c>_revinclude</c> values adds for the given matches (one round; at most 1,000 per include), in row order.</summary>
    Task<IReadOnlyList<StoredResource>> IncludeAsync(IReadOnlyList<StoredResource> matches, IReadOnlyList<IncludeSpec> includes, CancellationToken cancellationToken);

    /// <summary>Current, not deleted resources of a type changed in (since, until], oldest first, for bulk export.</summary>
    IAsyncEnumerable<StoredResource> ExportAsync(string type, DateTimeOffset? since, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>The resource types that have at least one current, not deleted resource.</summary>
    Task<IReadOnlyList<string>> StoredTypesAsync(CancellationToken cancellationToken);

    /// <summary>Starts a write transaction (SQLite: writers queue; PostgreSQL: row locks).</summary>
    Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One database transaction: reads that lock what they read for update, searches for conditional
/// interactions, and writes. Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public interface IStoreTransaction : IAsyncDisposable
{
    /// <summary>The current version (locked for update where the database can), or null.</summary>
    Task<StoredResource?> ReadForUpdateAsync(string type, string id, CancellationToken cancellationToken);

    /// <summary>The ids of up to <paramref name="limit"/> matches of <paramref name="query"/>, inside this transaction.</summary>
    Task<IReadOnlyList<ResourceKey>> SearchKeysAsync(SearchQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Stores a new version (the first one when <paramref name="current"/> is null) and replaces its index rows.</summary>
    Task<StoredResource> WriteAsync(StoredResource? current, ResourceWrite write, CancellationToken cancellationToken);

    /// <summary>Stores a deletion as a new version of <paramref name="current"/> and drops its index rows.</summary>
    Task<StoredResource> DeleteAsync(StoredResource current, DateTimeOffset when, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>A version to store: its final JSON (id and meta already set), time, interaction and search index.</summary>
public sealed record ResourceWrite(string Type, string Id, long VersionId, DateTimeOffset LastUpdated, string Method, ReadOnlyMemory<byte> Json, ResourceIndex Index);

/// <summary>Which history to read: one resource (type and id), one type (type only) or all (neither).</summary>
public sealed record HistoryQuery(string? Type, string? Id, DateTimeOffset? Since, int Count);
