namespace FhirTrials.Eligibility.Matching;

/// <summary>The outcome of one Group characteristic for the patient, with the evidence it rests on.</summary>
public sealed record CriterionResult
{
    /// <summary>Position of the characteristic in Group.characteristic (0-based).</summary>
    public required int Index { get; init; }

    /// <summary>The criteria item (<c>inclusion/3</c>, <c>exclusion/2/1</c>); null for the record-level age, sex and healthy-volunteer characteristics.</summary>
    public string? ItemId { get; init; }

    /// <summary>The words the criterion was read from (the span of the item text, else the item text); for record-level characteristics a description.</summary>
    public required string Text { get; init; }

    /// <summary>The whole item text, when the characteristic comes from the criteria.</summary>
    public string? ItemText { get; init; }

    /// <summary>The structured reading, e.g. "Hemoglobin [Mass/volume] in Blood &lt; 100 g/L".</summary>
    public required string Description { get; init; }

    public required CharacteristicKind Kind { get; init; }

    /// <summary>True when a patient matching the characteristic is not eligible (exclusions, negated inclusions).</summary>
    public required bool Exclude { get; init; }

    public required CriterionOutcome Outcome { get; init; }

    /// <summary>Why the outcome is unknown; <see cref="UnknownReason.None"/> otherwise.</summary>
    public UnknownReason Reason { get; init; }

    /// <summary>When the criterion is one of several alternatives joined by "or" in its item, that item's id.</summary>
    public string? AlternativesOf { get; init; }

    public IReadOnlyList<MatchEvidence> Evidence { get; init; } = [];

    /// <summary>Explanations: why unknown, which rule decided, what the matcher could not check.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Whether the outcome speaks for eligibility (true), against it (false) or neither (null).</summary>
    public bool? SupportsEligibility => Outcome switch
    {
        CriterionOutcome.Met => !Exclude,
        CriterionOutcome.NotMet => Exclude,
        _ => null,
    };
}
