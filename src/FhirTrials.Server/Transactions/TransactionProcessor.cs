using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Validation;
using FhirTrials.Server.Writing;

namespace FhirTrials.Server.Transactions;

/// <summary>
/// Processes transaction and batch Bundles (R4 http page). A transaction runs in one database
/// transaction, in the spec's order: DELETEs first; then the ids of POSTs (new) and PUTs (from the URL,
/// or by the search of a conditional update) are decided, conditional creates search, <c>urn:uuid:</c>
/// and other fullUrls and conditional references (<c>Type?criteria</c>) are rewritten to <c>Type/id</c>;
/// then POSTs, then PUTs; GETs run after the commit. Any failure rolls everything back. A batch runs
/// each entry on its own.
/// </summary>
internal sealed partial class TransactionProcessor : IFhirTransactionProcessor
{
    private readonly IFhirStore _store;
    private readonly ResourceWriter _writer;
    private readonly ConditionalSearch _conditional;
    private readonly SearchService _search;
    // The Bundle itself only needs reading (entries are validated one by one, fully, when prepared).
    private static readonly StructuralValidator BundleReader = new();
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private readonly string _defaultBaseUrl;

    public TransactionProcessor(IFhirStore store, ResourceWriter writer, ConditionalSearch conditional, SearchService search, TimeProvider time, int maxEntries, string defaultBaseUrl)
    {
        _store = store;
        _writer = writer;
        _conditional = conditional;
        _search = search;
        _time = time;
        _maxEntries = maxEntries;
        _defaultBaseUrl = defaultBaseUrl;
    }

    public async Task<Bundle> ProcessAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var result = await ProcessAsync(FhirJsonSerializer.SerializeToUtf8Bytes(bundle), DefaultOptions, cancellationToken);
        return result.ToBundle();
    }

    public async Task<ElementNode> ProcessAsync(ElementNode bundle, CancellationToken cancellationToken)
    {
        var result = await ProcessAsync(FhirJsonSerializer.SerializeToUtf8Bytes(bundle), DefaultOptions, cancellationToken);
        return FhirJsonParser.ParseNode(result.ToJson(), result.ResponseType);
    }

    public async Task<TransactionResult> ProcessAsync(ReadOnlyMemory<byte> bundleJson, TransactionOptions options, CancellationToken cancellationToken)
    {
        var checkedBundle = BundleReader.Validate(bundleJson, "Bundle");
        if (checkedBundle.Malformed || checkedBundle.Resource is not { } root)
        {
            throw new FhirOperationException(400, checkedBundle.Outcome);
        }

        if (root.Type?.Name != "Bundle")
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"expected a Bundle, found a {root.Type?.Name}");
        }

        var type = root.Child("type")?.Text;
        var entryNodes = root.ChildrenNamed("entry").ToArray();
        if (entryNodes.Length > _maxEntries)
        {
            throw new FhirOperationException(413, IssueType.TooCostly, $"the Bundle has {entryNodes.Length} entries; this server takes at most {_maxEntries}");
        }

        var entryIssues = EntryIssues(checkedBundle.Outcome, type == "batch");
        if (!checkedBundle.IsValid && entryIssues is null)
        {
            throw new FhirOperationException(422, checkedBundle.Outcome);
        }

        return type switch
        {
            "transaction" => await TransactionAsync(entryNodes, options, cancellationToken),
            "batch" => await BatchAsync(entryNodes, entryIssues ?? [], options, cancellationToken),
            _ => throw new FhirOperationException(400, IssueType.Invalid, $"Bundle.type must be transaction or batch to be processed, found '{type}'"),
        };
    }

    private TransactionOptions DefaultOptions => new(ReturnPreference.Minimal, _defaultBaseUrl);

    private async Task<TransactionResult> TransactionAsync(ElementNode[] nodes, TransactionOptions options, CancellationToken cancellationToken)
    {
        var entries = nodes.Select(TransactionEntry.Read).ToArray();
        var prepared = new Dictionary<int, PreparedResource>();
        await using (var transaction = await _store.BeginAsync(cancellationToken))
        {
            // DELETE first, so that conditional creates and updates no longer see what the transaction deletes.
            foreach (var entry in entries.Where(e => e.Method == "DELETE"))
            {
                entry.Result = await Wrap(entry, () => DeleteAsync(transaction, entry, cancellationToken));
            }

            var references = await ResolveIdentitiesAsync(transaction, entries, cancellationToken);
            await ResolveConditionalReferencesAsync(transaction, entries, references, cancellationToken);
            foreach (var entry in entries.Where(e => e.Method is "POST" or "PUT"))
            {
                prepared[entry.Index] = Prepare(entry, references);
            }

            foreach (var entry in entries.Where(e => e.Method == "POST"))
            {
                entry.Result = await Wrap(entry, () => CreateAsync(transaction, entry, prepared[entry.Index], cancellationToken));
            }

            foreach (var entry in entries.Where(e => e.Method == "PUT"))
            {
                entry.Result = await Wrap(entry, () => UpdateAsync(transaction, entry, prepared[entry.Index], cancellationToken));
            }

            if (entries.FirstOrDefault(e => e.Method is not ("GET" or "HEAD" or "POST" or "PUT" or "DELETE")) is { } unsupported)
            {
                throw new FhirOperationException(400, IssueType.NotSupported, $"{unsupported.Label}: method {unsupported.Method} is not supported in transactions");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var entry in entries.Where(e => e.Method is "GET" or "HEAD"))
        {
            entry.Result = await ReadEntryAsync(entry, options, cancellationToken);
        }

        return new TransactionResult("transaction-response", [.. entries.Select(e => e.Result!)], options, _time.GetUtcNow());
    }

    private async Task<TransactionResult> BatchAsync(ElementNode[] nodes, Dictionary<int, OperationOutcome> entryIssues, TransactionOptions options, CancellationToken cancellationToken)
    {
        var results = new List<EntryResult>();
        for (var i = 0; i < nodes.Length; i++)
        {
            if (entryIssues.TryGetValue(i, out var invalid))
            {
                results.Add(new EntryResult(422, null, invalid));
                continue;
            }

            try
            {
                var entry = TransactionEntry.Read(nodes[i], i);
                results.Add(entry.Method is "GET" or "HEAD" ? await ReadEntryAsync(entry, options, cancellationToken) : await BatchWriteAsync(entry, cancellationToken));
            }
            catch (FhirOperationException ex)
            {
                results.Add(new EntryResult(ex.Status, null, Prefix(ex.Outcome, $"Bundle.entry[{i}]")));
            }
            catch (StoreConflictException ex)
            {
                results.Add(new EntryResult(409, null, Outcome.Error(IssueType.Conflict, $"Bundle.entry[{i}]: {ex.Message}")));
            }
        }

        return new TransactionResult("batch-response", results, options, _time.GetUtcNow());
    }

    private async Task<EntryResult> BatchWriteAsync(TransactionEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await _store.BeginAsync(cancellationToken);
        var references = await ResolveIdentitiesAsync(transaction, [entry], cancellationToken);
        await ResolveConditionalReferencesAsync(transaction, [entry], references, cancellationToken);
        var result = entry.Method switch
        {
            "DELETE" => await DeleteAsync(transaction, entry, cancellationToken),
            "POST" => await CreateAsync(transaction, entry, Prepare(entry, references), cancellationToken),
            "PUT" => await UpdateAsync(transaction, entry, Prepare(entry, references), cancellationToken),
            _ => throw new FhirOperationException(400, IssueType.NotSupported, $"{entry.Label}: method {entry.Method} is not supported in batches"),
        };
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
