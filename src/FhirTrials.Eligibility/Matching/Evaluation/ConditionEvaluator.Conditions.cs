using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Evaluation;

internal static partial class ConditionEvaluator
{
    private enum Relation
    {
        Same,
        Descendant,
        PossibleDescendant,
        Unrelated,
        Unclassified,
    }

    /// <summary>Facts from the record's Conditions; Conditions with codes the matcher cannot relate go to <paramref name="unclassified"/>.</summary>
    private static List<Fact> ConditionFacts(CriterionSpec spec, CodeKey code, ConceptInfo? concept, EvaluationContext context, List<Fact> unclassified)
    {
        var facts = new List<Fact>();
        foreach (var entry in context.Record.Conditions)
        {
            var condition = entry.Resource;
            var verification = FirstCode(condition.VerificationStatus);
            if (verification == "entered-in-error")
            {
                continue;
            }

            var relation = RelationOf(Codes.Of(condition.Code).ToList(), code, concept, context.Knowledge);
            var clinical = FirstCode(condition.ClinicalStatus);
            var status = string.Join('/', new[] { clinical, verification }.Where(s => s is not null));
            var onset = OnsetText(condition);
            var evidence = entry.Evidence(
                Codes.Name(condition.Code) + (status.Length > 0 ? $" ({status})" : string.Empty) + (onset is null ? string.Empty : ", onset " + onset),
                "Condition.code",
                Codes.Name(condition.Code),
                onset ?? condition.RecordedDate);
            switch (relation)
            {
                case Relation.Unclassified:
                    unclassified.Add(new Fact(null, evidence, Reason: UnknownReason.Terminology));
                    continue;
                case Relation.Unrelated:
                    continue;
                case Relation.PossibleDescendant:
                    facts.Add(new Fact(null, evidence, $"{Codes.Name(condition.Code)} may be a kind of {code.Code}; deciding needs a terminology server", UnknownReason.Terminology));
                    continue;
            }

            var kindOf = relation == Relation.Descendant ? $"{Codes.Name(condition.Code)} is a kind of {code.Code} (concepts.json)" : null;
            facts.Add(FactOf(spec, concept, condition, evidence, clinical, verification, kindOf, context));
        }

        return facts;
    }

    private static Fact FactOf(CriterionSpec spec, ConceptInfo? concept, Condition condition, MatchEvidence evidence, string? clinical, string? verification, string? kindOf, EvaluationContext context)
    {
        if (verification == "refuted")
        {
            return new Fact(false, evidence, "the Condition is refuted");
        }

        if (verification is "unconfirmed" or "provisional" or "differential")
        {
            return new Fact(null, evidence, $"the Condition's verification status is {verification}");
        }

        var active = clinical is null or "active" or "recurrence" or "relapse";
        if (!active && concept?.Current == true)
        {
            return new Fact(false, evidence, $"recorded as {clinical}: the state is over");
        }

        if (spec.Window is { } window)
        {
            if (TimeOf(condition, active, context) is not { } time)
            {
                return new Fact(null, evidence, "the Condition has no onset or recorded date to check the time window against");
            }

            var (holds, explanation) = TimeWindowCheck.Check(window, time, context.Date, context.Knowledge.Units, onsetOnly: window.Relation == WindowRelation.Within);
            return new Fact(holds, evidence, Join(kindOf, "onset " + explanation));
        }

        return active
            ? new Fact(true, evidence, kindOf)
            : new Fact(null, evidence, Join(kindOf, $"recorded as {clinical}: whether a past condition counts depends on the criterion text"));
    }

    private static Relation RelationOf(List<CodeKey> codes, CodeKey code, ConceptInfo? concept, MatchingKnowledge knowledge)
    {
        if (codes.Contains(code))
        {
            return Relation.Same;
        }

        if (concept is not null && codes.Any(concept.Descendants.Contains))
        {
            return Relation.Descendant;
        }

        if (concept is not null && codes.Any(concept.PossibleDescendants.Contains))
        {
            return Relation.PossibleDescendant;
        }

        return codes.Any(knowledge.KnownConditions.Contains) ? Relation.Unrelated : Relation.Unclassified;
    }

    /// <summary>Onset (or, failing that, no later than the recorded date) to abatement (or the evaluation date while active).</summary>
    private static EventTime? TimeOf(Condition condition, bool active, EvaluationContext context)
    {
        var evaluation = DateSpan.Day(context.Date);
        var onset = EventTime.From(condition.Onset, null);
        DateSpan start;
        string written;
        if (onset is not null)
        {
            (start, written) = (onset.Start, onset.Written);
        }
        else if (DateSpan.TryParse(condition.RecordedDate, out var recorded))
        {
            (start, written) = (DateSpan.NoLaterThan(recorded.Hi), "no later than " + condition.RecordedDate + " (recorded)");
        }
        else
        {
            return null;
        }

        var abatement = EventTime.From(condition.Abatement, null);
        var end = abatement?.End ?? (active ? evaluation : new DateSpan(start.Lo, evaluation.Hi));
        return new EventTime(start, end, written);
    }

    private static string? OnsetText(Condition condition) => condition.Onset switch
    {
        FhirDateTime dateTime => dateTime.Value,
        Period period => period.Start,
        FhirString text => text.Value,
        _ => null,
    };

    private static string? FirstCode(CodeableConcept? concept) => concept?.Coding.FirstOrDefault(c => c.Code is not null)?.Code;

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;
}
