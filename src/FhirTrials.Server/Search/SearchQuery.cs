namespace FhirTrials.Server.Search;

/// <summary>
/// A parsed search: the resource type (null for a system-wide search), the criteria (all must hold),
/// the sort order, paging, the includes and how to render the results.
/// </summary>
public sealed class SearchQuery
{
    public SearchQuery(string? resourceType) => ResourceType = resourceType;

    /// <summary>The type searched; null for a search across all types.</summary>
    public string? ResourceType { get; }

    /// <summary>The criteria; a resource matches when all hold.</summary>
    public List<Criterion> Criteria { get; } = [];

    public List<SortKey> Sort { get; } = [];

    public List<IncludeSpec> Includes { get; } = [];

    /// <summary>The page size asked for (capped); null for the server default.</summary>
    public int? Count { get; set; }

    public SummaryMode Summary { get; set; }

    /// <summary>The top-level elements asked for with <c>_elements</c>; empty for all.</summary>
    public List<string> Elements { get; } = [];

    /// <summary>The parameters actually used, in canonical form, for the <c>self</c> link.</summary>
    public List<KeyValuePair<string, string>> Applied { get; } = [];

    /// <summary>Parameters ignored (lenient handling), with the reason.</summary>
    public List<string> Ignored { get; } = [];
}

/// <summary>How much of each resource a search returns (<c>_summary</c>).</summary>
public enum SummaryMode
{
    None,
    True,
    Text,
    Data,
    Count,
    False,
}

/// <summary>One <c>_sort</c> key.</summary>
public sealed record SortKey(SearchParameterInfo Parameter, bool Descending);

/// <summary>
/// An <c>_include</c> (from the matches to what their <see cref="Parameter"/> references) or an
/// <c>_revinclude</c> (from resources of <see cref="SourceType"/> whose parameter references the
/// matches); <see cref="TargetType"/> narrows the target, <see cref="Iterate"/> applies it to included
/// resources too. A null parameter is the wildcard <c>*</c>.
/// </summary>
public sealed record IncludeSpec(string SourceType, SearchParameterInfo? Parameter, string? TargetType, bool Reverse, bool Iterate)
{
    /// <summary>The value as written in a URL: <c>ResearchStudy:sponsor[:Organization]</c>.</summary>
    public string ToParameterValue() => SourceType + ":" + (Parameter?.Code ?? "*") + (TargetType is null ? string.Empty : ":" + TargetType);
}
