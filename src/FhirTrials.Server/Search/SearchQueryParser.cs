using System.Globalization;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Server.Search;

/// <summary>
/// Parses search parameters (from a URL query or a form body, in order) into a <see cref="SearchQuery"/>
/// following the R4 search page: parameters and their modifiers, chains, <c>_has</c>, value syntax per
/// type, and the result parameters (<c>_count</c>, <c>_sort</c>, <c>_include</c>, <c>_revinclude</c>,
/// <c>_summary</c>, <c>_elements</c>). Unknown parameters are ignored (noted) or rejected per
/// <see cref="SearchHandling"/>; malformed values and unsupported modifiers are always rejected.
/// </summary>
public sealed partial class SearchQueryParser
{
    /// <summary>Parameters that shape the HTTP exchange rather than the search; left to the HTTP layer.</summary>
    private static readonly HashSet<string> TransportParameters = new(StringComparer.Ordinal) { "_format", "_pretty", "_getpages", "_getpagesoffset", "_total" };

    private readonly SearchParameterRegistry _registry;
    private readonly SearchOptions _options;
    private readonly TimeProvider _time;

    public SearchQueryParser(SearchParameterRegistry registry, SearchOptions options, TimeProvider time)
    {
        _registry = registry;
        _options = options;
        _time = time;
    }

    /// <summary>Parses the parameters of a search on <paramref name="resourceType"/> (null: all types).</summary>
    public SearchQuery Parse(string? resourceType, IEnumerable<KeyValuePair<string, string>> parameters, SearchHandling handling)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (resourceType is not null && !ModelInfo.IsResourceType(resourceType))
        {
            throw new SearchException($"unknown resource type '{resourceType}'", IssueType.NotSupported);
        }

        var query = new SearchQuery(resourceType);
        foreach (var (key, rawValue) in parameters)
        {
            // NUL cannot be stored as text (PostgreSQL rejects it): it becomes U+FFFD, which matches nothing.
            var value = rawValue.Replace('\0', '\uFFFD');
            if (string.IsNullOrEmpty(key) || TransportParameters.Contains(key))
            {
                continue;
            }

            try
            {
                if (!ParseOne(query, key, value))
                {
                    continue;
                }
            }
            catch (UnknownParameterException ex)
            {
                if (handling == SearchHandling.Strict)
                {
                    throw new SearchException(ex.Message, IssueType.NotSupported);
                }

                query.Ignored.Add(ex.Message);
                continue;
            }

            query.Applied.Add(new KeyValuePair<string, string>(key, value));
        }

        return query;
    }

    /// <summary>Adds one parameter to the query; false when it has no effect (an empty value).</summary>
    private bool ParseOne(SearchQuery query, string key, string value)
    {
        switch (key)
        {
            case "_count":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
                {
                    throw new SearchException($"_count must be a whole number ≥ 0, found '{value}'");
                }

                query.Count = Math.Min(count, _options.MaxCount);
                return true;
            case "_sort":
                ParseSort(query, value);
                return true;
            case "_summary":
                query.Summary = value switch
                {
                    "true" => SummaryMode.True,
                    "false" => SummaryMode.False,
                    "text" => SummaryMode.Text,
                    "data" => SummaryMode.Data,
                    "count" => SummaryMode.Count,
                    _ => throw new SearchException($"_summary must be true, false, text, data or count, found '{value}'"),
                };
                return true;
            case "_elements":
                query.Elements.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                return true;
            default:
                break;
        }

        if (key.StartsWith("_include", StringComparison.Ordinal) || key.StartsWith("_revinclude", StringComparison.Ordinal))
        {
            ParseInclude(query, key, value);
            return true;
        }

        if (value.Length == 0)
        {
            return false;
        }

        query.Criteria.Add(ParseCriterion(query.ResourceType, key, value));
        return true;
    }

    private void ParseSort(SearchQuery query, string value)
    {
        foreach (var item in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = item.StartsWith('-');
            var code = descending ? item[1..] : item;
            var parameter = query.ResourceType is null ? _registry.Find("Resource", code) ?? CommonParameter(code) : _registry.Find(query.ResourceType, code);
            if (parameter is null)
            {
                throw new UnknownParameterException($"unknown sort parameter '{code}'{For(query.ResourceType)}");
            }

            query.Sort.Add(new SortKey(parameter, descending));
        }
    }

    private void ParseInclude(SearchQuery query, string key, string value)
    {
        var reverse = key.StartsWith("_revinclude", StringComparison.Ordinal);
        var modifier = key[(reverse ? "_revinclude" : "_include").Length..];
        var iterate = modifier is ":iterate" or ":recurse";
        if (modifier.Length > 0 && !iterate)
        {
            throw new SearchException($"unknown modifier '{modifier}' on {key}");
        }

        var parts = value.Split(':');
        if (parts.Length is < 2 or > 3 || !ModelInfo.IsResourceType(parts[0]))
        {
            throw new UnknownParameterException($"{key}={value}: expected SourceType:parameter[:TargetType]");
        }

        SearchParameterInfo? parameter = null;
        if (parts[1] != "*")
        {
            parameter = _registry.Find(parts[0], parts[1]);
            if (parameter is not { Type: SearchParamType.Reference })
            {
                throw new UnknownParameterException($"{key}={value}: '{parts[1]}' is not a reference parameter of {parts[0]}");
            }
        }

        var target = parts.Length == 3 ? parts[2] : null;
        if (target is not null && !ModelInfo.IsResourceType(target))
        {
            throw new UnknownParameterException($"{key}={value}: unknown target type '{target}'");
        }

        if (!reverse && !iterate && query.ResourceType is not null && parts[0] != query.ResourceType)
        {
            throw new UnknownParameterException($"{key}={value}: the source type must be the searched type {query.ResourceType} (or use :iterate)");
        }

        query.Includes.Add(new IncludeSpec(parts[0], parameter, target, reverse, iterate));
    }

    /// <summary>Parameters every type has, for searches across all types.</summary>
    private SearchParameterInfo? CommonParameter(string code) => _registry.Find("Basic", code) is { } p && p.Bases.Contains("Resource") ? p : null;

    private static string For(string? type) => type is null ? string.Empty : " for " + type;

    /// <summary>A parameter the server does not know or support (handled per <see cref="SearchHandling"/>).</summary>
    private sealed class UnknownParameterException(string message) : Exception(message);
}
