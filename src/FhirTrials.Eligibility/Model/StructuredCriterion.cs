namespace FhirTrials.Eligibility.Model;

/// <summary>
/// One computable criterion found in an eligibility item. Values are as written with units normalised to UCUM;
/// <see cref="Exclude"/> is true when a patient matching the criterion is NOT eligible
/// (an exclusion item, or a negated inclusion such as "no history of HIV").
/// </summary>
public sealed record StructuredCriterion
{
    public required CriterionKind Kind { get; init; }

    /// <summary>What is measured or stated (LOINC, SNOMED CT or the FhirTrials eligibility code system).</summary>
    public Coding? Code { get; init; }

    /// <summary>A coded value, e.g. the administrative gender of a sex criterion.</summary>
    public Coding? ValueCode { get; init; }

    public Comparator? Comparator { get; init; }

    /// <summary>The threshold for one-sided comparators.</summary>
    public decimal? Value { get; init; }

    /// <summary>Lower bound of a <see cref="Model.Comparator.Range"/> (inclusive).</summary>
    public decimal? Low { get; init; }

    /// <summary>Upper bound of a <see cref="Model.Comparator.Range"/> (inclusive).</summary>
    public decimal? High { get; init; }

    /// <summary>UCUM unit of the value; null for unitless values and for multiples of a normal limit.</summary>
    public string? Unit { get; init; }

    /// <summary>When not <see cref="NormalLimit.None"/>, the values are multiples of that limit (e.g. 1.5 × ULN).</summary>
    public NormalLimit NormalLimit { get; init; }

    /// <summary>The text negated the statement ("no", "without", "negative").</summary>
    public bool Negated { get; init; }

    public bool Exclude { get; init; }

    public TimeWindow? TimeWindow { get; init; }

    /// <summary>Free-text qualifier, e.g. the therapy a time window applies to.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The span of the item text the criterion was read from.</summary>
    public required SourceSpan Source { get; init; }

    /// <summary>The whole text of the item the criterion belongs to.</summary>
    public required string ItemText { get; init; }

    /// <summary>True when the criterion only keeps the item text (<see cref="CriterionKind.FreeText"/>).</summary>
    public bool IsTextOnly => Kind == CriterionKind.FreeText;
}
