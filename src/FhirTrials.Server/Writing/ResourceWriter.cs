using FhirTrials.Fhir.Model;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Validation;

namespace FhirTrials.Server.Writing;

/// <summary>
/// Create, update and delete inside a store transaction, with the R4 rules: validation (400 unreadable,
/// 422 invalid), server-assigned ids, version-aware updates (<c>If-Match</c> → 412), update as create,
/// unchanged content kept as the current version, soft deletes that keep history.
/// </summary>
internal sealed class ResourceWriter
{
    private readonly SearchIndexer _indexer;
    private readonly IResourceValidator _validator;
    private readonly TimeProvider _time;

    public ResourceWriter(SearchIndexer indexer, IResourceValidator validator, TimeProvider time)
    {
        _indexer = indexer;
        _validator = validator;
        _time = time;
    }

    /// <summary>Validates <paramref name="json"/> as a resource of <paramref name="expectedType"/>.</summary>
    public PreparedResource Prepare(ReadOnlyMemory<byte> json, string expectedType, string sourceName)
    {
        var result = _validator.Validate(json, sourceName);
        if (result.Malformed || result.Resource is null)
        {
            throw new FhirOperationException(400, result.Outcome);
        }

        var type = result.Resource.Type!.Name;
        if (!string.Equals(type, expectedType, StringComparison.Ordinal))
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"{sourceName}: the resource is a {type}, expected a {expectedType}");
        }

        if (!result.IsValid)
        {
            throw new FhirOperationException(422, result.Outcome);
        }

        return new PreparedResource(type, result.Resource.Child("id")?.Text, json, result.Resource);
    }

    /// <summary>A new server id: a time-ordered UUID (version 7).</summary>
    public string NewId() => Guid.CreateVersion7(_time.GetUtcNow()).ToString("D");

    /// <summary>Stores <paramref name="resource"/> as version 1 under <paramref name="id"/>.</summary>
    public async Task<WriteOutcome> CreateAsync(IStoreTransaction transaction, PreparedResource resource, string id, CancellationToken cancellationToken)
    {
        var now = Now();
        var json = ResourceJson.Stamp(resource.Json, id, 1, now);
        var stored = await transaction.WriteAsync(null, new ResourceWrite(resource.Type, id, 1, now, "POST", json, _indexer.Index(resource.Node)), cancellationToken);
        return new WriteOutcome(201, stored);
    }

    /// <summary>Stores a new version of <c>Type/id</c> (creating it when absent or deleted).</summary>
    public async Task<WriteOutcome> UpdateAsync(IStoreTransaction transaction, PreparedResource resource, string id, long? ifMatch, CancellationToken cancellationToken)
    {
        var current = await transaction.ReadForUpdateAsync(resource.Type, id, cancellationToken);
        var live = current is { Deleted: false } ? current : null;
        if (ifMatch is { } expected && live?.VersionId != expected)
        {
            throw new FhirOperationException(412, IssueType.Conflict, live is null
                ? $"{resource.Type}/{id} does not exist, so If-Match W/\"{expected}\" cannot match"
                : $"{resource.Type}/{id} is at version {live.VersionId}, not {expected} (If-Match)");
        }

        if (live is not null && ResourceJson.Stamp(resource.Json, id, live.VersionId, live.LastUpdated).AsSpan().SequenceEqual(live.Json.Span))
        {
            return new WriteOutcome(200, live);
        }

        var now = Now();
        var version = (current?.VersionId ?? 0) + 1;
        var json = ResourceJson.Stamp(resource.Json, id, version, now);
        var stored = await transaction.WriteAsync(current, new ResourceWrite(resource.Type, id, version, now, "PUT", json, _indexer.Index(resource.Node)), cancellationToken);
        return new WriteOutcome(live is null ? 201 : 200, stored);
    }

    /// <summary>Deletes <c>Type/id</c>; null when there was nothing to delete.</summary>
    public async Task<StoredResource?> DeleteAsync(IStoreTransaction transaction, string type, string id, long? ifMatch, CancellationToken cancellationToken)
    {
        var current = await transaction.ReadForUpdateAsync(type, id, cancellationToken);
        var live = current is { Deleted: false } ? current : null;
        if (ifMatch is { } expected && live?.VersionId != expected)
        {
            throw new FhirOperationException(412, IssueType.Conflict, $"{type}/{id} is {(live is null ? "not there" : $"at version {live.VersionId}")}, not version {expected} (If-Match)");
        }

        return live is null ? null : await transaction.DeleteAsync(live, Now(), cancellationToken);
    }

    private DateTimeOffset Now() => DateTimeOffset.FromUnixTimeMilliseconds(_time.GetUtcNow().ToUnixTimeMilliseconds());
}
