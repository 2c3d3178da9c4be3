namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>
/// One piece of evidence about a condition or therapy: it says the criterion holds (true), does not (false)
/// or leaves it open (null, for <see cref="Reason"/>).
/// </summary>
internal sealed record Fact(bool? Holds, MatchEvidence Evidence, string? Message = null, UnknownReason Reason = UnknownReason.Undetermined)
{
    /// <summary>
    /// Met when any fact holds; else unknown when any is open; else not met when any fails; null when there are no facts.
    /// </summary>
    public static Finding? Decide(IReadOnlyList<Fact> facts)
    {
        var holding = facts.Where(f => f.Holds == true).ToList();
        if (holding.Count > 0)
        {
            return Build(Finding.Met(), holding);
        }

        var open = facts.Where(f => f.Holds is null).ToList();
        if (open.Count > 0)
        {
            return Build(Finding.Unknown(open[0].Reason, open[0].Message ?? "the record does not settle it"), open.Skip(1).Concat(facts.Where(f => f.Holds == false)), open[0]);
        }

        return facts.Count > 0 ? Build(Finding.NotMet(), facts) : null;
    }

    private static Finding Build(Finding finding, IEnumerable<Fact> facts, Fact? first = null)
    {
        if (first is not null)
        {
            finding.Evidence.Add(first.Evidence);
        }

        foreach (var fact in facts)
        {
            finding.Evidence.Add(fact.Evidence);
            if (fact.Message is { } message)
            {
                finding.Say(message);
            }
        }

        return finding;
    }
}
