using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Evaluation;

internal static partial class ConditionEvaluator
{
    /// <summary>The most recent test or status Observation listed for the concept: positive holds, negative fails, indeterminate leaves it open.</summary>
    private static List<Fact> TestFacts(CriterionSpec spec, ConceptInfo? concept, EvaluationContext context)
    {
        if (concept is not { Observations.Count: > 0 })
        {
            return [];
        }

        var codes = concept.Observations.Select(o => o.Code).ToHashSet();
        var facts = new List<Fact>();
        var cutoff = concept.EvidenceDays is { } days ? DateSpan.Day(context.Date.AddDays(-days)).Lo : (DateTimeOffset?)null;
        foreach (var found in ObservationFinder.Find(context.Record, codes))
        {
            var reading = Read(found, concept, context.Knowledge);
            if (reading == ResultReading.None)
            {
                continue;
            }

            var summary = $"{Codes.Name(found.Code)} {reading.ToString().ToLowerInvariant()}" + (found.Date is { } date ? " on " + date : string.Empty);
            var evidence = found.Evidence(summary, Written(found.Value) ?? reading.ToString().ToLowerInvariant());
            if (cutoff is { } from && (found.When is null || found.When.End.Hi < from))
            {
                facts.Add(new Fact(null, evidence, $"{found.Entry.Reference} is older than {concept.EvidenceDays} days (or undated): it no longer tells the current state", UnknownReason.MissingData));
                break;
            }

            facts.Add(reading switch
            {
                ResultReading.Positive when spec.Window is { } window && found.When is { } when => PositiveInWindow(window, when, evidence, context),
                ResultReading.Positive => new Fact(true, evidence),
                ResultReading.Negative => new Fact(false, evidence),
                _ => new Fact(null, evidence, $"{found.Entry.Reference} is indeterminate"),
            });
            break;
        }

        return facts;
    }

    private static Fact PositiveInWindow(TimeWindowSpec window, EventTime when, MatchEvidence evidence, EvaluationContext context)
    {
        var (holds, explanation) = TimeWindowCheck.Check(window, when, context.Date, context.Knowledge.Units, onsetOnly: true);
        return new Fact(holds, evidence, "positive result " + explanation);
    }

    private static ResultReading Read(FoundObservation found, ConceptInfo concept, MatchingKnowledge knowledge)
    {
        var listed = concept.Observations.FirstOrDefault(o => Codes.Of(found.Code).Contains(o.Code));
        switch (found.Value)
        {
            case CodeableConcept value:
                foreach (var key in Codes.Of(value))
                {
                    if (listed?.Present.Contains(key) == true)
                    {
                        return ResultReading.Positive;
                    }

                    if (listed?.Absent.Contains(key) == true)
                    {
                        return ResultReading.Negative;
                    }

                    if (knowledge.Results.Read(key) is not ResultReading.None and var reading)
                    {
                        return reading;
                    }
                }

                if (value.Text is { } text && knowledge.Results.ReadWord(text) is not ResultReading.None and var fromText)
                {
                    return fromText;
                }

                break;
            case FhirBoolean { Value: { } flag }:
                return flag ? ResultReading.Positive : ResultReading.Negative;
            case FhirString { Value: { } words } when knowledge.Results.ReadWord(words) is not ResultReading.None and var word:
                return word;
        }

        return found.Interpretation.SelectMany(Codes.Of).Select(knowledge.Results.Read).FirstOrDefault(r => r != ResultReading.None);
    }

    private static string? Written(DataType? value) => value switch
    {
        CodeableConcept concept => Codes.Name(concept),
        PrimitiveType primitive => primitive.LexicalValue,
        Fhir.Model.Quantity quantity => Criteria.CriterionDescriber.Quantity(quantity),
        _ => null,
    };
}
