using System.Text.Json;
using System.Text.RegularExpressions;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Bundles;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Writing;

namespace FhirTrials.Server.Transactions;

internal sealed partial class TransactionProcessor
{
    /// <summary>Decides the id of every POST and PUT; returns the fullUrl → <c>Type/id</c> rewrites.</summary>
    private async Task<Dictionary<string, string>> ResolveIdentitiesAsync(IStoreTransaction transaction, IReadOnlyList<TransactionEntry> entries, CancellationToken cancellationToken)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Method == "POST")
            {
                entry.Existing = entry.IfNoneExist is { Length: > 0 } criteria
                    ? await Label(entry, () => _conditional.ExistingAsync(transaction, entry.Type, criteria, cancellationToken))
                    : null;
                entry.Id = entry.Existing?.Id ?? _writer.NewId();
            }
            else if (entry.Method == "PUT" && entry.Criteria is { } criteria)
            {
                entry.Id = await Label(entry, () => _conditional.TargetAsync(transaction, entry.Type, criteria, IdOf(entry.Resource), cancellationToken)) ?? _writer.NewId();
            }
            else
            {
                continue;
            }

            if (entry.FullUrl is { Length: > 0 } fullUrl)
            {
                if (references.ContainsKey(fullUrl))
                {
                    throw new FhirOperationException(400, IssueType.Invalid, $"{entry.Label}: fullUrl '{fullUrl}' appears in more than one entry");
                }

                references[fullUrl] = entry.Type + "/" + entry.Id;
            }
        }

        return references;
    }

    /// <summary>Resolves conditional references (<c>Organization?identifier=x|y</c>) in the resources to the one match each.</summary>
    private async Task ResolveConditionalReferencesAsync(IStoreTransaction transaction, IReadOnlyList<TransactionEntry> entries, Dictionary<string, string> references, CancellationToken cancellationToken)
    {
        foreach (var entry in entries.Where(e => !e.Resource.IsEmpty))
        {
            foreach (var text in ResourceJson.Strings(entry.Resource))
            {
                var match = ConditionalReference().Match(text);
                if (!match.Success || references.ContainsKey(text) || !ModelInfo.IsResourceType(match.Groups["type"].Value))
                {
                    continue;
                }

                var type = match.Groups["type"].Value;
                var keys = await Label(entry, () => _conditional.FindAsync(transaction, type, match.Groups["criteria"].Value, 2, cancellationToken));
                if (keys.Count != 1)
                {
                    throw new FhirOperationException(412, IssueType.NotFound, $"{entry.Label}: the conditional reference '{text}' matches {(keys.Count == 0 ? "no" : "several")} resources; it must match exactly one");
                }

                references[text] = keys[0].ToString();
            }
        }
    }

    private PreparedResource Prepare(TransactionEntry entry, IReadOnlyDictionary<string, string> references)
    {
        try
        {
            var json = references.Count > 0 ? ResourceJson.ReplaceStrings(entry.Resource, references) : entry.Resource;
            var prepared = _writer.Prepare(json, entry.Type, $"Bundle.entry[{entry.Index}].resource");
            if (entry.Method == "PUT" && entry.Criteria is null && prepared.Id != entry.Id)
            {
                throw new FhirOperationException(400, IssueType.Invalid, prepared.Id is null
                    ? $"the resource has no id; PUT {entry.Url} needs id '{entry.Id}'"
                    : $"the resource's id '{prepared.Id}' differs from '{entry.Id}' in the URL");
            }

            return prepared;
        }
        catch (FhirOperationException ex)
        {
            throw new FhirOperationException(ex.Status, Prefix(ex.Outcome, entry.Label));
        }
    }

    private async Task<EntryResult> CreateAsync(IStoreTransaction transaction, TransactionEntry entry, PreparedResource resource, CancellationToken cancellationToken)
    {
        if (entry.Existing is { } existing)
        {
            var current = await transaction.ReadForUpdateAsync(existing.Type, existing.Id, cancellationToken);
            return new EntryResult(200, current, null);
        }

        var outcome = await _writer.CreateAsync(transaction, resource, entry.Id!, cancellationToken);
        return new EntryResult(outcome.Status, outcome.Resource, null);
    }

    private async Task<EntryResult> UpdateAsync(IStoreTransaction transaction, TransactionEntry entry, PreparedResource resource, CancellationToken cancellationToken)
    {
        var outcome = await _writer.UpdateAsync(transaction, resource, entry.Id!, IfMatch(entry), cancellationToken);
        return new EntryResult(outcome.Status, outcome.Resource, null);
    }

    private async Task<EntryResult> DeleteAsync(IStoreTransaction transaction, TransactionEntry entry, CancellationToken cancellationToken)
    {
        var id = entry.Id;
        if (entry.Criteria is { } criteria)
        {
            var matches = await _conditional.FindAsync(transaction, entry.Type, criteria, 2, cancellationToken);
            if (matches.Count > 1)
            {
                throw new FhirOperationException(412, IssueType.Duplicate, $"several {entry.Type} resources match '{criteria}'");
            }

            id = matches.Count == 1 ? matches[0].Id : null;
        }

        var deleted = id is null ? null : await _writer.DeleteAsync(transaction, entry.Type, id, IfMatch(entry), cancellationToken);
        return new EntryResult(204, deleted, null);
    }

    private async Task<EntryResult> ReadEntryAsync(TransactionEntry entry, TransactionOptions options, CancellationToken cancellationToken)
    {
        try
        {
            if (entry.Id is not null && entry.Criteria is null)
            {
                var resource = entry.Version is { } version
                    ? await _store.ReadVersionAsync(entry.Type, entry.Id, version, cancellationToken)
                    : await _store.ReadAsync(entry.Type, entry.Id, cancellationToken);
                return resource switch
                {
                    null => new EntryResult(404, null, Outcome.Error(IssueType.NotFound, $"{entry.Type}/{entry.Id} is not known")),
                    { Deleted: true } => new EntryResult(410, null, Outcome.Error(IssueType.Deleted, $"{entry.Type}/{entry.Id} was deleted")),
                    _ => new EntryResult(200, resource, null, resource.Json),
                };
            }

            var result = await _search.SearchAsync(entry.Type, ConditionalSearch.ParseQuery(entry.Criteria ?? string.Empty), SearchHandling.Lenient, cancellationToken);
            return new EntryResult(200, null, null, SearchBundle.Write(result, options.BaseUrl, _time.GetUtcNow()));
        }
        catch (SearchException ex)
        {
            return new EntryResult(400, null, Outcome.Error(ex.Code, $"{entry.Label}: {ex.Message}"));
        }
        catch (FhirOperationException ex)
        {
            return new EntryResult(ex.Status, null, Prefix(ex.Outcome, entry.Label));
        }
    }

    private static long? IfMatch(TransactionEntry entry) =>
        entry.IfMatch is null ? null : VersionETag.Parse(entry.IfMatch) ?? throw new FhirOperationException(400, IssueType.Invalid, $"ifMatch '{entry.IfMatch}' is not an ETag such as W/\"3\"");

    private static string? IdOf(ReadOnlyMemory<byte> resource)
    {
        using var document = JsonDocument.Parse(resource);
        return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    private static async Task<T> Label<T>(TransactionEntry entry, Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (FhirOperationException ex)
        {
            throw new FhirOperationException(ex.Status, Prefix(ex.Outcome, entry.Label));
        }
    }

    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z]+)\?(?<criteria>[^=]+=.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ConditionalReference();
}
