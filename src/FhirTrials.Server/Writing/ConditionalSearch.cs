using FhirTrials.Fhir.Model;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace FhirTrials.Server.Writing;

/// <summary>
/// The searches behind conditional interactions (<c>If-None-Exist</c>, <c>PUT Type?criteria</c>,
/// <c>DELETE Type?criteria</c>, conditional references <c>Type?criteria</c>), run inside the write
/// transaction with strict parameter handling: an unknown parameter fails rather than matching everything.
/// </summary>
internal sealed class ConditionalSearch
{
    private readonly SearchQueryParser _parser;

    public ConditionalSearch(SearchQueryParser parser) => _parser = parser;

    /// <summary>Up to <paramref name="limit"/> matches of <paramref name="criteria"/> (a query string, with or without <c>?</c>).</summary>
    public async Task<IReadOnlyList<ResourceKey>> FindAsync(IStoreTransaction transaction, string type, string criteria, int limit, CancellationToken cancellationToken)
    {
        var parameters = ParseQuery(criteria);
        if (parameters.Count == 0)
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"conditional criteria for {type} are empty");
        }

        SearchQuery query;
        try
        {
            query = _parser.Parse(type, parameters, SearchHandling.Strict);
        }
        catch (SearchException ex)
        {
            throw new FhirOperationException(400, ex.Code, $"conditional criteria '{criteria}': {ex.Message}");
        }

        return await transaction.SearchKeysAsync(query, limit, cancellationToken);
    }

    /// <summary>For a conditional create: the one existing match, or null for none; 412 when several match.</summary>
    public async Task<ResourceKey?> ExistingAsync(IStoreTransaction transaction, string type, string criteria, CancellationToken cancellationToken)
    {
        var matches = await FindAsync(transaction, type, criteria, 2, cancellationToken);
        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new FhirOperationException(412, IssueType.Duplicate, $"several {type} resources match '{criteria}'"),
        };
    }

    /// <summary>
    /// For a conditional update: the id to update — the one match (which must agree with the id the
    /// resource carries), or for no match the resource's own id (null: the server assigns one); 412 when
    /// several match.
    /// </summary>
    public async Task<string?> TargetAsync(IStoreTransaction transaction, string type, string criteria, string? resourceId, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(transaction, type, criteria, cancellationToken) is not { } match)
        {
            return resourceId;
        }

        if (resourceId is not null && resourceId != match.Id)
        {
            throw new FhirOperationException(400, IssueType.Invalid, $"the resource's id '{resourceId}' differs from the id '{match.Id}' of the {type} matching '{criteria}'");
        }

        return match.Id;
    }

    internal static List<KeyValuePair<string, string>> ParseQuery(string criteria)
    {
        var question = criteria.IndexOf('?', StringComparison.Ordinal);
        var query = question >= 0 ? criteria[(question + 1)..] : criteria;
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var (key, values) in QueryHelpers.ParseQuery("?" + query))
        {
            foreach (var value in values)
            {
                pairs.Add(new KeyValuePair<string, string>(key, value ?? string.Empty));
            }
        }

        return pairs;
    }
}
