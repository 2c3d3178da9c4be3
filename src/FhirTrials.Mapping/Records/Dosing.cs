namespace FhirTrials.Mapping.Records;

/// <summary>
/// One dose group or regimen of an intervention, e.g. "group A: 1.5 x10^6 cells/kg IV at baseline
/// and every 2 weeks, 4 administrations".
/// </summary>
public sealed record DoseRegimen
{
    /// <summary>Name of the dose group, e.g. "Group A".</summary>
    public string? Label { get; init; }

    /// <summary>Arm the regimen belongs to, when arms are listed.</summary>
    public string? ArmGroupLabel { get; init; }

    /// <summary>Dose per administration.</summary>
    public Quantity? Dose { get; init; }

    /// <summary>Dose range when only the bounds are known (instead of <see cref="Dose"/>).</summary>
    public QuantityRange? DoseRange { get; init; }

    public CodedText? Route { get; init; }

    /// <summary>Number of administrations in one course.</summary>
    public int? NumberOfAdministrations { get; init; }

    /// <summary>Time between administrations.</summary>
    public Quantity? Interval { get; init; }

    /// <summary>When the first administration is given, e.g. 0 d after BASELINE.</summary>
    public TimeOffset? Start { get; init; }

    /// <summary>Course as written, e.g. "4 times is a course of treatment".</summary>
    public string? CourseDescription { get; init; }

    /// <summary>The source sentence the regimen was read from.</summary>
    public string? Text { get; init; }
}

/// <summary>A value with a UCUM unit code, e.g. 1.5 "10*6/kg" or 2 "wk".</summary>
public sealed record Quantity
{
    public required decimal Value { get; init; }

    /// <summary>UCUM unit code (case-sensitive).</summary>
    public required string Unit { get; init; }

    /// <summary>Human-readable unit, e.g. "x10^6 cells/kg".</summary>
    public string? UnitDisplay { get; init; }
}

/// <summary>Inclusive bounds of a quantity.</summary>
public sealed record QuantityRange
{
    public Quantity? Low { get; init; }

    public Quantity? High { get; init; }
}

/// <summary>A time offset from an anchor, e.g. 15 "d" after END_OF_TREATMENT.</summary>
public sealed record TimeOffset
{
    public required decimal Value { get; init; }

    /// <summary>UCUM time unit: min, h, d, wk, mo, a.</summary>
    public required string Unit { get; init; }

    public TimingAnchor? RelativeTo { get; init; }
}

/// <summary>A scheduled follow-up visit.</summary>
public sealed record FollowUpVisit
{
    /// <summary>Visit name as written, e.g. "month 3".</summary>
    public string? Label { get; init; }

    public required TimeOffset Offset { get; init; }
}

/// <summary>
/// A duration or age stated as text ("18 Years", "6 Months", "30 Minutes"), with the value and UCUM
/// unit when the text could be parsed.
/// </summary>
public sealed record ParsedDuration
{
    /// <summary>The original text.</summary>
    public required string Text { get; init; }

    public decimal? Value { get; init; }

    /// <summary>UCUM time unit: min, h, d, wk, mo, a.</summary>
    public string? Unit { get; init; }
}
