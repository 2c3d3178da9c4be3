namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>What evaluating one criterion found: the outcome, why it is unknown, the evidence and messages.</summary>
internal sealed class Finding
{
    private Finding(CriterionOutcome outcome, UnknownReason reason)
    {
        Outcome = outcome;
        Reason = reason;
    }

    public CriterionOutcome Outcome { get; }

    public UnknownReason Reason { get; }

    public List<MatchEvidence> Evidence { get; } = [];

    public List<string> Messages { get; } = [];

    public static Finding Met(params MatchEvidence[] evidence) => new Finding(CriterionOutcome.Met, UnknownReason.None).With(evidence);

    public static Finding NotMet(params MatchEvidence[] evidence) => new Finding(CriterionOutcome.NotMet, UnknownReason.None).With(evidence);

    public static Finding Unknown(UnknownReason reason, string message) => new Finding(CriterionOutcome.Unknown, reason).Say(message);

    /// <summary>Met when <paramref name="holds"/> is true, not met when false, unknown (<paramref name="reason"/>) when null.</summary>
    public static Finding From(bool? holds, UnknownReason reason = UnknownReason.Undetermined) => holds switch
    {
        true => new Finding(CriterionOutcome.Met, UnknownReason.None),
        false => new Finding(CriterionOutcome.NotMet, UnknownReason.None),
        null => new Finding(CriterionOutcome.Unknown, reason),
    };

    public Finding With(IEnumerable<MatchEvidence> evidence)
    {
        Evidence.AddRange(evidence);
        return this;
    }

    public Finding Say(string message)
    {
        Messages.Add(message);
        return this;
    }

    /// <summary>A copy with another outcome, keeping evidence and messages.</summary>
    public Finding As(CriterionOutcome outcome, UnknownReason reason, string message)
    {
        var copy = new Finding(outcome, reason).With(Evidence);
        copy.Messages.AddRange(Messages);
        return copy.Say(message);
    }
}
