namespace FhirTrials.Mapping.Records;

/// <summary>Outcome measures by kind.</summary>
public sealed record Outcomes
{
    public IReadOnlyList<Outcome>? Primary { get; init; }

    public IReadOnlyList<Outcome>? Secondary { get; init; }

    public IReadOnlyList<Outcome>? Other { get; init; }
}

/// <summary>An outcome measure.</summary>
public sealed record Outcome
{
    public required string Measure { get; init; }

    public string? Description { get; init; }

    public string? TimeFrame { get; init; }
}
