using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Server.Matching;

/// <summary>
/// Decides whether a patient fits a study's eligibility Group: each characteristic is met, not met or
/// unknown (the data does not say); overall eligible (all met), ineligible (any not met) or needs review
/// (none failed, some unknown). The full matcher (FhirTrials.Eligibility) plugs in here; the server's
/// own <see cref="BasicStudyMatcher"/> evaluates age and sex. Implementations must be thread-safe.
/// </summary>
public interface IStudyMatcher
{
    /// <param name="group">The study's Group (<c>ResearchStudy.enrollment</c>), as an element tree.</param>
    /// <param name="patientData">A Bundle holding the Patient and their clinical data.</param>
    StudyMatch Match(ElementNode group, ElementNode patientData);
}

/// <summary>The overall verdict.</summary>
public enum MatchVerdict
{
    Eligible,
    Ineligible,
    NeedsReview,
}

/// <summary>One characteristic's outcome, from the eligibility point of view: met means the patient satisfies it (for an exclusion: is not excluded by it).</summary>
public enum CriterionOutcome
{
    Met,
    NotMet,
    Unknown,
}

/// <summary>The outcome of Group.characteristic[<see cref="Index"/>] with the code it tests (<c>system|code</c>) and why.</summary>
public sealed record CriterionResult(int Index, string? System, string? Code, string? Display, bool Exclude, CriterionOutcome Outcome, string Reason);

/// <summary>The verdict for one study and the outcome of each of its characteristics.</summary>
public sealed record StudyMatch(MatchVerdict Verdict, IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>The share of characteristics met (0 for an ineligible patient): the <c>search.score</c>.</summary>
    public decimal Score => Verdict == MatchVerdict.Ineligible || Criteria.Count == 0
        ? 0m
        : Math.Round((decimal)Criteria.Count(c => c.Outcome == CriterionOutcome.Met) / Criteria.Count, 4);

    /// <summary>Combines criterion outcomes: any not met → ineligible; else any unknown → needs review; else eligible.</summary>
    public static StudyMatch From(IReadOnlyList<CriterionResult> criteria) => new(
        criteria.Any(c => c.Outcome == CriterionOutcome.NotMet) ? MatchVerdict.Ineligible
            : criteria.Any(c => c.Outcome == CriterionOutcome.Unknown) || criteria.Count == 0 ? MatchVerdict.NeedsReview
            : MatchVerdict.Eligible,
        criteria);
}
