namespace FhirTrials.Mapping.Records;

/// <summary>Study design (CT.gov <c>designModule</c> without phases, study type and enrollment).</summary>
public sealed record StudyDesign
{
    public DesignAllocation? Allocation { get; init; }

    public InterventionModel? InterventionModel { get; init; }

    public string? InterventionModelDescription { get; init; }

    public PrimaryPurpose? PrimaryPurpose { get; init; }

    public ObservationalModel? ObservationalModel { get; init; }

    public TimePerspective? TimePerspective { get; init; }

    public MaskingInfo? Masking { get; init; }

    /// <summary>Number of arms or groups as stated by the source (not derived from <c>arms</c>).</summary>
    public int? NumberOfGroups { get; init; }

    /// <summary>Target follow-up duration of an observational study, e.g. "6 Months".</summary>
    public ParsedDuration? TargetDuration { get; init; }

    public BioSpec? BioSpec { get; init; }

    /// <summary>Observational study that is also a patient registry.</summary>
    public bool? PatientRegistry { get; init; }

    public ExpandedAccessTypes? ExpandedAccessTypes { get; init; }
}

/// <summary>Masking (blinding) and who is masked.</summary>
public sealed record MaskingInfo
{
    public Masking? Type { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<WhoMasked>? WhoMasked { get; init; }
}

/// <summary>Biospecimens retained.</summary>
public sealed record BioSpec
{
    public BioSpecRetention? Retention { get; init; }

    public string? Description { get; init; }
}

/// <summary>Kinds of expanded access offered.</summary>
public sealed record ExpandedAccessTypes
{
    public bool? Individual { get; init; }

    public bool? Intermediate { get; init; }

    public bool? Treatment { get; init; }
}

/// <summary>Enrollment: participant count and whether it is actual or estimated.</summary>
public sealed record Enrollment
{
    public int? Count { get; init; }

    public EnrollmentType? Type { get; init; }
}
