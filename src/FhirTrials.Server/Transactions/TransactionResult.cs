using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Bundles;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Transactions;

/// <summary>
/// The outcome of one entry: HTTP status, the version written or read (for location, etag,
/// lastModified and, when asked, the resource), a body for GET entries (a resource or searchset), and
/// an OperationOutcome for failures or when asked.
/// </summary>
public sealed record EntryResult(int Status, StoredResource? Resource, OperationOutcome? Outcome, ReadOnlyMemory<byte> Body = default);

/// <summary>The response of a transaction or batch: one result per request entry, in the request's order.</summary>
public sealed class TransactionResult
{
    public TransactionResult(string responseType, IReadOnlyList<EntryResult> entries, TransactionOptions options, DateTimeOffset timestamp)
    {
        ResponseType = responseType;
        Entries = entries;
        Options = options;
        Timestamp = timestamp;
    }

    /// <summary><c>transaction-response</c> or <c>batch-response</c>.</summary>
    public string ResponseType { get; }

    public IReadOnlyList<EntryResult> Entries { get; }

    public TransactionOptions Options { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>The response Bundle as JSON.</summary>
    public byte[] ToJson()
    {
        using var writer = new BundleJsonWriter();
        writer.Start(ResponseType, Timestamp, null);
        foreach (var entry in Entries)
        {
            var resource = entry.Resource;
            var body = !entry.Body.IsEmpty ? entry.Body
                : Options.Return == ReturnPreference.Representation && resource is { Deleted: false } ? resource.Json
                : ReadOnlyMemory<byte>.Empty;
            var fullUrl = resource is null ? null : Options.BaseUrl + "/" + resource.Type + "/" + resource.Id;
            var outcome = entry.Outcome ?? (Options.Return == ReturnPreference.OperationOutcome ? Outcomes.Outcome.Information(BundleJsonWriter.StatusText(entry.Status)) : null);
            writer.Entry(fullUrl, body, w => BundleJsonWriter.WriteResponse(
                w,
                entry.Status,
                resource is { Deleted: false } ? $"{resource.Type}/{resource.Id}/_history/{resource.VersionId}" : null,
                resource?.ETag,
                resource?.LastUpdated,
                outcome));
        }

        return writer.Finish();
    }

    /// <summary>The response Bundle in the typed model.</summary>
    public Bundle ToBundle() => FhirJsonParser.Parse<Bundle>(ToJson(), ResponseType);
}
