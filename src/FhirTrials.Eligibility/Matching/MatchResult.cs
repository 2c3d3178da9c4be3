namespace FhirTrials.Eligibility.Matching;

/// <summary>The pre-screening result: the verdict, the evaluation date and one <see cref="CriterionResult"/> per Group characteristic.</summary>
public sealed partial class MatchResult
{
    public MatchResult(StudyOutcome outcome, DateOnly evaluationDate, string? group, string? patient, IReadOnlyList<CriterionResult> criteria, IReadOnlyList<string> messages)
    {
        Outcome = outcome;
        EvaluationDate = evaluationDate;
        Group = group;
        Patient = patient;
        Criteria = criteria;
        Messages = messages;
    }

    public StudyOutcome Outcome { get; }

    /// <summary>The date ages, time windows and test recency were computed at.</summary>
    public DateOnly EvaluationDate { get; }

    /// <summary><c>Group/id</c> of the eligibility Group.</summary>
    public string? Group { get; }

    /// <summary><c>Patient/id</c> of the patient matched.</summary>
    public string? Patient { get; }

    /// <summary>One result per Group.characteristic, in the Group's order.</summary>
    public IReadOnlyList<CriterionResult> Criteria { get; }

    /// <summary>Why the verdict is what it is, and what the matcher left out of the patient Bundle.</summary>
    public IReadOnlyList<string> Messages { get; }
}
