using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>Participation in other studies, from ResearchSubject resources (period and status) against the time window.</summary>
internal static class ParticipationEvaluator
{
    public static Finding Evaluate(Criteria.CriterionSpec spec, EvaluationContext context)
    {
        var today = DateSpan.Day(context.Date);
        var facts = new List<Fact>();
        foreach (var entry in context.Record.ResearchSubjects)
        {
            var status = entry.Resource.Status;
            if (status is not (ResearchSubjectStatus.OnStudy or ResearchSubjectStatus.OnStudyIntervention or ResearchSubjectStatus.OnStudyObservation
                or ResearchSubjectStatus.FollowUp or ResearchSubjectStatus.OffStudy))
            {
                continue;
            }

            var time = EventTime.From(entry.Resource.Period, status == ResearchSubjectStatus.OffStudy ? null : today);
            var evidence = entry.Evidence($"{entry.Resource.StatusElement?.LexicalValue} in {entry.Resource.Study?.ReferenceValue ?? "a study"}" + (time is null ? string.Empty : ", " + time.Written),
                "ResearchSubject.period", entry.Resource.StatusElement?.LexicalValue, time?.Written);
            if (spec.Window is not { } window)
            {
                facts.Add(new Fact(true, evidence));
            }
            else if (time is null)
            {
                facts.Add(new Fact(null, evidence, $"the ResearchSubject has no period to check '{window.Describe()}' against"));
            }
            else
            {
                var (holds, explanation) = TimeWindowCheck.Check(window, time, context.Date, context.Knowledge.Units, onsetOnly: false);
                facts.Add(new Fact(holds, evidence, explanation));
            }
        }

        return Fact.Decide(facts)
            ?? Finding.Unknown(UnknownReason.MissingData, "no ResearchSubject in the record: participation in other studies is seldom recorded, so it is asked at screening");
    }
}
