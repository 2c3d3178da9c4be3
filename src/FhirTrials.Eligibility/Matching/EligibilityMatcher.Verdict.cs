namespace FhirTrials.Eligibility.Matching;

public sealed partial class EligibilityMatcher
{
    /// <summary>
    /// Age or sex read from the text that fails where the registry's structured age or sex holds may describe a
    /// sub-group (docs/eligibility-encoding.md, "For matchers" 3): it becomes unknown, not a reason to exclude.
    /// </summary>
    private static List<CriterionResult> ResolveConflicts(List<CriterionResult> results)
    {
        return results.Select(result =>
        {
            if (result.ItemId is null || result.Outcome != CriterionOutcome.NotMet || result.Exclude
                || result.Kind is not (CharacteristicKind.Age or CharacteristicKind.Sex)
                || !results.Any(r => r.ItemId is null && r.Kind == result.Kind && r.Outcome == CriterionOutcome.Met))
            {
                return result;
            }

            return result with
            {
                Outcome = CriterionOutcome.Unknown,
                Reason = UnknownReason.Conflict,
                Messages = [.. result.Messages, $"the registry's structured {result.Kind.ToString().ToLowerInvariant()} is met; this one was read from the text of {result.ItemId} and may describe a sub-group"],
            };
        }).ToList();
    }

    /// <summary>
    /// Ineligible when an inclusion (or every alternative of an "or" item) is not met or an exclusion is met;
    /// else needs review when any criterion is unknown (consent at enrolment aside); else eligible.
    /// </summary>
    private static (StudyOutcome Outcome, List<string> Messages) Verdict(IReadOnlyList<CriterionResult> results)
    {
        var against = new List<CriterionResult>();
        var open = new List<CriterionResult>();
        foreach (var unit in results.GroupBy(r => r.AlternativesOf is { } item ? "or:" + item : "#" + r.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var members = unit.ToList();
            if (members.Count > 1)
            {
                if (members.Any(m => m.Outcome == CriterionOutcome.Met))
                {
                    continue;
                }

                (members.All(m => m.Outcome == CriterionOutcome.NotMet) ? against : open).AddRange(members);
                continue;
            }

            var single = members[0];
            if (single.SupportsEligibility == false)
            {
                against.Add(single);
            }
            else if (single.Outcome == CriterionOutcome.Unknown && single.Reason != UnknownReason.AtEnrolment)
            {
                open.Add(single);
            }
        }

        var messages = new List<string>();
        if (against.Count > 0)
        {
            messages.AddRange(against.Select(r => $"ineligible: {Label(r)} {r.Description} is {(r.Outcome == CriterionOutcome.Met ? "met" : "not met")}"));
            return (StudyOutcome.Ineligible, messages);
        }

        var atEnrolment = results.Count(r => r.Reason == UnknownReason.AtEnrolment);
        if (open.Count > 0)
        {
            var reasons = open.GroupBy(r => r.Reason).Select(g => $"{g.Count()} {Wire.Code(g.Key)}");
            messages.Add($"needs review: {open.Count} criteria unknown ({string.Join(", ", reasons)})");
            return (StudyOutcome.NeedsReview, messages);
        }

        messages.Add($"eligible: all {results.Count - atEnrolment} evaluated criteria allow it"
            + (atEnrolment > 0 ? $"; {atEnrolment} checked at enrolment (consent)" : string.Empty));
        return (StudyOutcome.Eligible, messages);
    }

    private static string Label(CriterionResult result) => "[" + (result.ItemId ?? "registry") + "]";
}
