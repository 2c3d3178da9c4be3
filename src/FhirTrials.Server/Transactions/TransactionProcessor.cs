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
/// transaction: ids are decided first (POST gets a new id, conditional creates and updates search),
/// <c>urn:uuid:</c> and other fullUrls and conditional references (<c>Type?criteria</c>) are rewritten
/// to <c>Type/id</c>, then entries run in the spec's order — DELETE, POST, PUT, then GET after the
/// commit; any failure rolls everything back. A batch runs each entry on its own.
/// </summary>
internal sealed partial class TransactionProcessor : IFhirTransactionProcessor
{
    private readonly IFhirStore _store;
    private readonly ResourceWriter _writer;
    private readonly ConditionalSearch _conditional;
    private readonly SearchService _search;
    private readonly IResourceValidator _validator;
    private readonly TimeProvider _time;
    private readonly int _maxEntries;
    private readonly string _defaultBaseUrl;

    public TransactionProcessor(IFhirStore store, ResourceWriter writer, ConditionalSearch conditional, SearchService search, IResourceValidator validator, TimeProvider time, int maxEntries, string defaultBaseUrl)
    {
        _store = store;
        _writer = writer;
        _conditional = conditional;
        _search = search;
        _validator = validator;
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
        var checkedBundle = _validator.Validate(bundleJson, "Bundle");
        if (checkedBundle.Malformed || checkedBundle.Resource is not { } root)
        {
            throw new FhirOperationException(400, checkedBundle.Outcome);
        }

        if (root.Type?.Name != "Bundle")
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"expected a Bundle, found a {root.Type?.Name}");
        }

        var type = root.Child("type")?.Text;
        var entryIssues = EntryIssues(checkedBundle.Outcome, type == "batch");
        if (!checkedBundle.IsValid && entryIssues is null)
        {
            throw new FhirOperationException(422, checkedBundle.Outcome);
        }

        var entryNodes = root.ChildrenNamed("entry").ToArray();
        if (entryNodes.Length > _maxEntries)
        {
            throw new FhirOperationException(413, IssueType.TooCostly, $"the Bundle has {entryNodes.Length} entries; this server takes at most {_maxEntries}");
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

    /// <summary>
    /// For a batch whose only errors lie inside entry resources: those errors per entry index (those
    /// entries fail on their own); null when the Bundle itself is invalid or it is not a batch.
    /// </summary>
    private static Dictionary<int, OperationOutcome>? EntryIssues(OperationOutcome outcome, bool batch)
    {
        var perEntry = new Dictionary<int, OperationOutcome>();
        foreach (var issue in outcome.Issue.Where(i => i.Severity is IssueSeverity.Error or IssueSeverity.Fatal))
        {
            var match = issue.Expression.Select(e => EntryResource().Match(e ?? string.Empty)).FirstOrDefault(m => m.Success);
            if (!batch || match is null)
            {
                return null;
            }

            var index = int.Parse(match.Groups["i"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (!perEntry.TryGetValue(index, out var entryOutcome))
            {
                perEntry[index] = entryOutcome = new OperationOutcome();
            }

            entryOutcome.Issue.Add(issue);
        }

        return perEntry;
    }

    /// <summary>Runs one entry's step; failures name the entry and keep their status.</summary>
    private static async Task<EntryResult> Wrap(TransactionEntry entry, Func<Task<EntryResult>> step)
    {
        try
        {
            return await step();
        }
        catch (FhirOperationException ex)
        {
            throw new FhirOperationException(ex.Status, Prefix(ex.Outcome, entry.Label));
        }
        catch (StoreConflictException ex)
        {
            throw new FhirOperationException(409, IssueType.Conflict, $"{entry.Label}: {ex.Message}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Bundle\.entry\[(?<i>[0-9]+)\]\.resource", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex EntryResource();

    private static OperationOutcome Prefix(OperationOutcome outcome, string label)
    {
        foreach (var issue in outcome.Issue)
        {
            issue.Diagnostics = label + ": " + issue.Diagnostics;
        }

        return outcome;
    }
}
