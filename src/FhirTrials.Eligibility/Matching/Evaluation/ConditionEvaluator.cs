using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>
/// Conditions and states (diseases, infections, pregnancy, lactation): Conditions with the same code, a
/// known descendant or an equivalent, and test or status Observations (concepts.json). Absence reads as
/// "not met" for diseases (closed world) and as "unknown" for infections and pregnancy, which need a test.
/// </summary>
internal static partial class ConditionEvaluator
{
    public static Finding Evaluate(CriterionSpec spec, EvaluationContext context)
    {
        if (spec.Code is not { } code)
        {
            return Finding.Unknown(UnknownReason.Unsupported, "the characteristic has no code");
        }

        var concept = context.Knowledge.Concept(code);
        var name = $"{Codes.ShortSystem(code.System)} {code.Code}" + (spec.CodeDisplay is { } display ? $" ({display})" : string.Empty);
        if (NotForGender(concept, context, name) is { } notApplicable)
        {
            return notApplicable;
        }

        var unclassified = new List<Fact>();
        var facts = ConditionFacts(spec, code, concept, context, unclassified);
        var tests = TestFacts(spec, concept, context);
        facts.AddRange(tests);
        if (Fact.Decide(facts) is { } decided)
        {
            // A Condition saying no (refuted, resolved, out of the window) does not rule out others the matcher cannot classify; a negative test does.
            return decided.Outcome == CriterionOutcome.NotMet && unclassified.Count > 0 && !tests.Any(t => t.Holds == false)
                ? decided.As(CriterionOutcome.Unknown, UnknownReason.Terminology, Unclassified(unclassified.Count, name)).With(unclassified.Select(f => f.Evidence))
                : decided;
        }

        if (unclassified.Count > 0)
        {
            return Finding.Unknown(UnknownReason.Terminology, Unclassified(unclassified.Count, name)).With(unclassified.Select(f => f.Evidence));
        }

        if (PresenceOf(code, concept, context.Options) == Presence.EvidenceRequired)
        {
            var testWords = concept is { Observations.Count: > 0 } ? " or test result" : string.Empty;
            return Finding.Unknown(UnknownReason.MissingData, $"no Condition{testWords} for {name} in the record; absence is not read as absence for this condition");
        }

        var count = context.Record.Conditions.Count;
        return Finding.NotMet(new MatchEvidence
        {
            Summary = $"no Condition coded {name} or a known kind of it among the {count} Conditions of the record",
        }).Say("a disease missing from the record is read as absent (closed world)");
    }

    private static string Unclassified(int count, string name) =>
        $"{count} Condition(s) have codes outside the matcher's concept table and may be kinds of {name}; deciding needs a terminology server";

    private static Presence PresenceOf(CodeKey code, ConceptInfo? concept, MatchOptions options)
    {
        if (!options.AbsentConditionIsNotMet)
        {
            return Presence.EvidenceRequired;
        }

        return concept?.Presence ?? MatchingKnowledge.CategoryOf(code) switch
        {
            ConditionCategory.Infection or ConditionCategory.Reproductive => Presence.EvidenceRequired,
            _ => Presence.ClosedWorld,
        };
    }

    private static Finding? NotForGender(ConceptInfo? concept, EvaluationContext context, string name)
    {
        if (concept is not { NotForGender.Count: > 0 } || context.Record.Patient is not { } patient
            || patient.Resource.GenderElement?.LexicalValue is not { } gender || !concept.NotForGender.Contains(gender))
        {
            return null;
        }

        return Finding.NotMet(patient.Evidence($"gender {gender}: {name} does not apply", "Patient.gender", gender));
    }
}
