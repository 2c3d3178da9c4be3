using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Criteria;

/// <summary>One Group characteristic as the matcher reads it (docs/eligibility-encoding.md).</summary>
internal sealed record CriterionSpec
{
    public required int Index { get; init; }

    public required CharacteristicKind Kind { get; init; }

    /// <summary>The first coding of the characteristic's code.</summary>
    public CodeKey? Code { get; init; }

    /// <summary>code.text (the therapy named for therapy-or-event) or the coding's display.</summary>
    public string? CodeText { get; init; }

    public string? CodeDisplay { get; init; }

    public DataType? Value { get; init; }

    public required bool Exclude { get; init; }

    public string? ItemId { get; init; }

    public string? ItemText { get; init; }

    public int? SpanStart { get; init; }

    public int? SpanLength { get; init; }

    public TimeWindowSpec? Window { get; init; }

    /// <summary>True for the record-level age, sex and healthy-volunteer characteristics (no criterion-source).</summary>
    public bool IsRecordLevel => ItemId is null;

    /// <summary>The words of the item the criterion was read from.</summary>
    public string? SpanText =>
        ItemText is { } text && SpanStart is { } start && SpanLength is { } length && start >= 0 && length > 0 && start + length <= text.Length
            ? text.Substring(start, length)
            : null;
}
