namespace FhirTrials.Server.Search;

/// <summary>One value of a search parameter, parsed for its type.</summary>
public abstract record SearchValue;

/// <summary>The comparison prefixes of number, date and quantity parameters.</summary>
public enum SearchPrefix
{
    Eq,
    Ne,
    Gt,
    Lt,
    Ge,
    Le,
    Sa,
    Eb,
    Ap,
}

/// <summary>A token: <c>code</c> (any system), <c>system|code</c>, <c>|code</c> (no system) or <c>system|</c> (any code).</summary>
public sealed record TokenValue(string? System, string? Code, bool SystemGiven) : SearchValue;

/// <summary>A string (also used for token <c>:text</c>).</summary>
public sealed record StringValue(string Text) : SearchValue;

/// <summary>A date with its implicit range (inclusive, ms since 1970 UTC).</summary>
public sealed record DateValue(SearchPrefix Prefix, long Low, long High) : SearchValue;

/// <summary>A number with the range its precision implies (<c>100</c> is [99.5, 100.5)).</summary>
public sealed record NumberValue(SearchPrefix Prefix, decimal Value, decimal Low, decimal High) : SearchValue;

/// <summary>A quantity: number, then optional system and code (<c>5.4|http://unitsofmeasure.org|mg</c>, <c>5.4||mg</c>).</summary>
public sealed record QuantityValue(NumberValue Number, string? System, string? Code) : SearchValue;

/// <summary>A reference: an id, <c>Type/id</c>, or an absolute/canonical URL.</summary>
public sealed record ReferenceValue(string? Type, string? Id, string? Url) : SearchValue;

/// <summary>A URI.</summary>
public sealed record UriValue(string Uri) : SearchValue;
