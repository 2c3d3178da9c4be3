namespace FhirTrials.Eligibility.Matching;

/// <summary>A quantity in evidence: a value with its unit (UCUM code, or "× ULN" for multiples of a normal limit).</summary>
public sealed record EvidenceQuantity(decimal Value, string? Unit, string? System = null, string? Code = null, string? Comparator = null);

/// <summary>
/// One fact a criterion was decided on: the resource it came from (<see cref="Reference"/> <c>Type/id</c> and the
/// Bundle <see cref="FullUrl"/>), the value as recorded and as compared, the unit conversion, the reference
/// range and the date. Facts that are not in a resource (the evaluation date, an absence) have no reference.
/// </summary>
public sealed record MatchEvidence
{
    /// <summary><c>Type/id</c> of the resource, e.g. <c>Observation/hb-1</c>.</summary>
    public string? Reference { get; init; }

    /// <summary>The Bundle entry's fullUrl.</summary>
    public string? FullUrl { get; init; }

    /// <summary>The element the value was read from, e.g. <c>Observation.valueQuantity</c>.</summary>
    public string? Element { get; init; }

    /// <summary>The value as recorded ("12.5 g/dL", "positive", "1980-05-02").</summary>
    public string? Value { get; init; }

    /// <summary>The value as compared with the criterion: converted to its unit, or the multiple of the normal limit.</summary>
    public EvidenceQuantity? Compared { get; init; }

    /// <summary>The unit conversion applied, e.g. "12.5 g/dL = 125 g/L (×10)".</summary>
    public string? Conversion { get; init; }

    /// <summary>The reference range used for a multiple of a normal limit (Observation.referenceRange.low).</summary>
    public EvidenceQuantity? RangeLow { get; init; }

    /// <summary>The reference range used for a multiple of a normal limit (Observation.referenceRange.high).</summary>
    public EvidenceQuantity? RangeHigh { get; init; }

    /// <summary>The date of the fact as written (effective, onset, performed, birth date).</summary>
    public string? Date { get; init; }

    /// <summary>One line for people.</summary>
    public required string Summary { get; init; }
}
