using System.Net;
using System.Runtime.CompilerServices;

namespace FhirTrials.Sync.Client;

public sealed partial class FhirClient
{
    /// <summary>The most pages one search follows before it stops (a guard against endless <c>next</c> chains).</summary>
    public const int MaxPages = 100_000;

    /// <summary><c>GET [base]/metadata</c>: the FHIR version, interactions and hints of the server.</summary>
    public async Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken)
    {
        var response = await SendAsync(new FhirRequest(HttpMethod.Get, "metadata", operation: "capabilities"), cancellationToken);
        return ServerCapabilities.Parse(response.Body, Resolve("metadata").ToString());
    }

    /// <summary><c>GET [base]/Type/id</c>; null when the resource is not there (404) or deleted (410).</summary>
    public async Task<FhirResponse?> ReadAsync(string type, string id, CancellationToken cancellationToken)
    {
        var response = await SendAsync(new FhirRequest(HttpMethod.Get, type + "/" + Uri.EscapeDataString(id), operation: "read"), cancellationToken, 404, 410);
        return response.Status is HttpStatusCode.NotFound or HttpStatusCode.Gone ? null : response;
    }

    /// <summary>
    /// The pages of a search (<c>Type?params</c>, relative or absolute): the first page, then each
    /// <c>next</c> link exactly as the server wrote it, until there is none.
    /// </summary>
    public async IAsyncEnumerable<FhirResponse> SearchPagesAsync(string query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? url = query;
        for (var page = 0; url is not null; page++)
        {
            if (page >= MaxPages || !seen.Add(url))
            {
                throw new FhirClientException($"GET {query}: the server's next links loop (page {page + 1} repeats {url})");
            }

            var response = await SendAsync(new FhirRequest(HttpMethod.Get, url, operation: "search"), cancellationToken);
            yield return response;
            url = BundleReader.NextLink(response.Body);
        }
    }

    /// <summary><c>PUT [base]/Type/id</c> or the conditional <c>PUT [base]/Type?criteria</c>; <paramref name="ifMatch"/> makes it version-aware (412 on a conflict).</summary>
    public Task<FhirResponse> UpdateAsync(string url, ReadOnlyMemory<byte> resource, string? ifMatch, CancellationToken cancellationToken) =>
        SendAsync(new FhirRequest(HttpMethod.Put, url, resource, operation: "update").WithHeader("If-Match", ifMatch).WithHeader("Prefer", "return=minimal"), cancellationToken);

    /// <summary><c>POST [base]/Type</c>, conditional with <paramref name="ifNoneExist"/> (then safe to repeat).</summary>
    public Task<FhirResponse> CreateAsync(string type, ReadOnlyMemory<byte> resource, string? ifNoneExist, CancellationToken cancellationToken) =>
        SendAsync(new FhirRequest(HttpMethod.Post, type, resource, idempotent: ifNoneExist is not null, operation: "create").WithHeader("If-None-Exist", ifNoneExist).WithHeader("Prefer", "return=minimal"), cancellationToken);

    /// <summary><c>DELETE [base]/Type/id</c> (or <c>Type?criteria</c>); a resource already gone is not an error.</summary>
    public Task<FhirResponse> DeleteAsync(string url, CancellationToken cancellationToken) =>
        SendAsync(new FhirRequest(HttpMethod.Delete, url, operation: "delete"), cancellationToken, 404, 410);

    /// <summary>
    /// <c>POST [base]</c> with a transaction Bundle; <paramref name="idempotent"/> (every entry conditional or
    /// version-aware) allows repeating it after a lost answer. Returns the transaction-response.
    /// </summary>
    public Task<FhirResponse> TransactionAsync(ReadOnlyMemory<byte> bundle, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(new FhirRequest(HttpMethod.Post, string.Empty, bundle, idempotent, "transaction").WithHeader("Prefer", "return=minimal"), cancellationToken);

    /// <summary><c>POST [base]</c> with a batch Bundle: each entry succeeds or fails on its own (see the batch-response).</summary>
    public Task<FhirResponse> BatchAsync(ReadOnlyMemory<byte> bundle, bool idempotent, CancellationToken cancellationToken) =>
        SendAsync(new FhirRequest(HttpMethod.Post, string.Empty, bundle, idempotent, "batch").WithHeader("Prefer", "return=minimal"), cancellationToken);
}
