namespace FhirTrials.Server.Storage;

/// <summary>
/// One version of a stored resource: its identity, version, time, whether it is a deletion, the
/// interaction that produced it (<c>POST</c>, <c>PUT</c>, <c>DELETE</c>) and its FHIR JSON (empty for a
/// deletion). <see cref="Pk"/> is the store's internal row key.
/// </summary>
public sealed record StoredResource(
    long Pk,
    string Type,
    string Id,
    long VersionId,
    DateTimeOffset LastUpdated,
    bool Deleted,
    string Method,
    ReadOnlyMemory<byte> Json)
{
    public ResourceKey Key => new(Type, Id);

    /// <summary>The weak ETag of this version: <c>W/"n"</c>.</summary>
    public string ETag => VersionETag.Format(VersionId);
}
