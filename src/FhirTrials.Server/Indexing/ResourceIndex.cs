namespace FhirTrials.Server.Indexing;

/// <summary>The search index rows of one resource, per parameter type, as the store writes them.</summary>
public sealed class ResourceIndex
{
    public static ResourceIndex Empty { get; } = new();

    public List<TokenEntry> Tokens { get; } = [];

    public List<StringEntry> Strings { get; } = [];

    public List<DateEntry> Dates { get; } = [];

    public List<ReferenceEntry> References { get; } = [];

    public List<QuantityEntry> Quantities { get; } = [];

    public List<NumberEntry> Numbers { get; } = [];

    public List<UriEntry> Uris { get; } = [];

    public int Count => Tokens.Count + Strings.Count + Dates.Count + References.Count + Quantities.Count + Numbers.Count + Uris.Count;
}

/// <summary>A token: system and code (either may be null), and normalised text (display, CodeableConcept.text) for <c>:text</c>.</summary>
public readonly record struct TokenEntry(string Param, string? System, string? Code, string? Text);

/// <summary>A string: normalised (case and accents folded) for default and <c>:contains</c> searches, and exact.</summary>
public readonly record struct StringEntry(string Param, string Normalized, string Exact);

/// <summary>A date: the inclusive range it covers, in milliseconds since 1970 UTC (<see cref="long.MinValue"/>/<see cref="long.MaxValue"/> for open ends).</summary>
public readonly record struct DateEntry(string Param, long Low, long High);

/// <summary>A reference: the local target (type and id) and/or the absolute or canonical URL.</summary>
public readonly record struct ReferenceEntry(string Param, string? TargetType, string? TargetId, string? Url);

/// <summary>A quantity: its value (a range for Range) and its unit (system, code, human unit).</summary>
public readonly record struct QuantityEntry(string Param, string? System, string? Code, string? Unit, double? Low, double? High);

/// <summary>A number: its value (a range for Range).</summary>
public readonly record struct NumberEntry(string Param, double? Low, double? High);

/// <summary>A URI as written.</summary>
public readonly record struct UriEntry(string Param, string Value);
