namespace FhirTrials.Server.Search;

/// <summary>One condition of a search (all of a query's criteria must hold).</summary>
public abstract record Criterion;

/// <summary>
/// A parameter with an optional modifier and one or more values (any may match: the comma-separated
/// OR). Token <c>:not</c> negates the whole criterion; the prefix <c>ne</c> applies per value.
/// </summary>
public sealed record ParameterCriterion(SearchParameterInfo Parameter, SearchModifier Modifier, IReadOnlyList<SearchValue> Values) : Criterion;

/// <summary><c>param:missing=true|false</c>.</summary>
public sealed record MissingCriterion(SearchParameterInfo Parameter, bool Missing) : Criterion;

/// <summary>A chained parameter: <c>sponsor.name=x</c> — the reference points to a resource of one of <see cref="TargetTypes"/> matching <see cref="Inner"/>.</summary>
public sealed record ChainCriterion(SearchParameterInfo Reference, IReadOnlyList<string> TargetTypes, Criterion Inner) : Criterion;

/// <summary>A reverse chain: <c>_has:Type:param:inner=x</c> — some resource of <see cref="SourceType"/> references this one through <see cref="Reference"/> and matches <see cref="Inner"/>.</summary>
public sealed record HasCriterion(string SourceType, SearchParameterInfo Reference, Criterion Inner) : Criterion;

/// <summary>The modifiers the server implements.</summary>
public enum SearchModifier
{
    None,
    Exact,
    Contains,
    Text,
    Not,
    Below,
    Above,
    Identifier,
    /// <summary>Reference <c>:[type]</c>: the type is on the values.</summary>
    Type,
}

/// <summary>Any of several criteria (a chain through a reference that may point to several types).</summary>
public sealed record AnyOfCriterion(IReadOnlyList<Criterion> Alternatives) : Criterion;
