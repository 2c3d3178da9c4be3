namespace FhirTrials.Eligibility.Matching.Knowledge;

/// <summary>How absence of a condition in the record reads.</summary>
internal enum Presence
{
    /// <summary>No matching Condition in the record: not met.</summary>
    ClosedWorld,

    /// <summary>Only a Condition or a test result decides; otherwise unknown.</summary>
    EvidenceRequired,
}

/// <summary>A test or status Observation that tells whether a condition is present (concepts.json).</summary>
internal sealed record ConceptObservation(CodeKey Code, IReadOnlySet<CodeKey> Present, IReadOnlySet<CodeKey> Absent);

/// <summary>What the matcher knows about one condition or state (concepts.json).</summary>
internal sealed record ConceptInfo(
    CodeKey Code,
    string Name,
    Presence? Presence,
    bool Current,
    int? EvidenceDays,
    IReadOnlySet<string> NotForGender,
    IReadOnlyList<ConceptObservation> Observations,
    IReadOnlySet<CodeKey> Descendants,
    IReadOnlySet<CodeKey> PossibleDescendants);
