namespace FhirTrials.Mapping.Records;

/// <summary>An arm (interventional) or group/cohort (observational).</summary>
public sealed record ArmGroup
{
    public required string Label { get; init; }

    public ArmGroupType? Type { get; init; }

    public string? Description { get; init; }

    /// <summary>Interventions given, as "Type: Name" strings as CT.gov lists them.</summary>
    public IReadOnlyList<string>? InterventionNames { get; init; }
}

/// <summary>An intervention, with structured dosing when known.</summary>
public sealed record Intervention
{
    public InterventionType? Type { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<string>? OtherNames { get; init; }

    public string? Description { get; init; }

    /// <summary>Labels of the arms that receive this intervention.</summary>
    public IReadOnlyList<string>? ArmGroupLabels { get; init; }

    /// <summary>Codes for the intervention (e.g. MeSH).</summary>
    public IReadOnlyList<Coding>? Codes { get; init; }

    /// <summary>Dosing, one entry per dose group or regimen.</summary>
    public IReadOnlyList<DoseRegimen>? Dosing { get; init; }
}
