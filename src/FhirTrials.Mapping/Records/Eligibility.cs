namespace FhirTrials.Mapping.Records;

/// <summary>Who may take part.</summary>
public sealed record Eligibility
{
    /// <summary>Inclusion and exclusion criteria as written (markdown).</summary>
    public string? Criteria { get; init; }

    public Sex? Sex { get; init; }

    /// <summary>Eligibility is based on gender identity rather than sex.</summary>
    public bool? GenderBased { get; init; }

    public string? GenderDescription { get; init; }

    public ParsedDuration? MinimumAge { get; init; }

    public ParsedDuration? MaximumAge { get; init; }

    /// <summary>Whether healthy volunteers are accepted.</summary>
    public bool? HealthyVolunteers { get; init; }

    public IReadOnlyList<StandardAge>? StdAges { get; init; }

    /// <summary>Study population of an observational study.</summary>
    public string? StudyPopulation { get; init; }

    public SamplingMethod? SamplingMethod { get; init; }
}
