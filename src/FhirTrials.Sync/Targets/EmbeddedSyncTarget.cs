using System.Globalization;
using System.Net;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Targets;

/// <summary>
/// The embedded FHIR store written in-process through the server's <see cref="IFhirTransactionProcessor"/>
/// (exactly what <c>POST [base]</c> would do, without HTTP); <c>fhirtrials serve --store</c> serves the result.
/// </summary>
public sealed class EmbeddedSyncTarget : ISyncTarget
{
    private readonly IFhirTransactionProcessor _processor;
    private readonly IFhirStore _store;
    private readonly string _baseUrl;
    private readonly int _maxEntries;

    /// <param name="processor">The server's transaction processor.</param>
    /// <param name="store">The store it writes (reads for drift checks come from it).</param>
    /// <param name="maxEntries">The server's bundle limit (FhirServerOptions.MaxBundleEntries).</param>
    /// <param name="baseUrl">The base URL written into response fullUrls.</param>
    public EmbeddedSyncTarget(IFhirTransactionProcessor processor, IFhirStore store, int maxEntries, string baseUrl = "http://localhost/fhir")
    {
        _processor = processor;
        _store = store;
        _maxEntries = maxEntries;
        _baseUrl = baseUrl;
    }

    public string Description => "embedded " + _store.Kind + " store";

    public Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) => Task.FromResult(new ServerCapabilities
    {
        FhirVersion = "4.0.1",
        Software = "FhirTrials embedded store",
        SystemInteractions = new HashSet<string>(["transaction", "batch"], StringComparer.Ordinal),
        MaxBundleEntries = _maxEntries,
    });

    public async Task<byte[]> TransactionAsync(ReadOnlyMemory<byte> bundle, CancellationToken cancellationToken)
    {
        try
        {
            var result = await _processor.ProcessAsync(bundle, new TransactionOptions(ReturnPreference.Minimal, _baseUrl), cancellationToken);
            return result.ToJson();
        }
        catch (FhirOperationException ex)
        {
            throw new FhirClientException((HttpStatusCode)ex.Status, ex.Outcome, string.Create(CultureInfo.InvariantCulture, $"transaction: {ex.Status} {OperationOutcomes.ReasonPhrase((HttpStatusCode)ex.Status)}: {Outcome.Summary(ex.Outcome)}"));
        }
        catch (StoreConflictException ex)
        {
            throw new FhirClientException(HttpStatusCode.Conflict, null, "transaction: 409 Conflict: " + ex.Message, ex);
        }
    }

    public async Task<IReadOnlyList<ServerResource>> ReadManyAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var stored = await _store.ReadByKeysAsync([.. ids.Distinct(StringComparer.Ordinal).Select(id => new ResourceKey(type, id))], cancellationToken);
        return [.. stored.Select(r => new ServerResource(r.Type, r.Id, r.VersionId.ToString(CultureInfo.InvariantCulture), r.LastUpdated.ToString("O", CultureInfo.InvariantCulture), r.Json))];
    }
}
