using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    /// <summary>
    /// Arms (name, type, description) and outcomes: each outcome is an objective (name, type, its time
    /// frame in the objective-time-frame extension) and an R5 outcomeMeasure (name, type, description).
    /// </summary>
    private static void ArmsAndOutcomes(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        foreach (var arm in record.Arms ?? [])
        {
            study.Arm.Add(new ResearchStudy.ArmComponent
            {
                Name = arm.Label,
                Type = arm.Type is { } type ? Concepts.FromTable(context.Tables.ArmGroupType, type) : null,
                Description = arm.Description,
            });
        }

        if (record.Outcomes is { } outcomes)
        {
            AddOutcomes(context, study, "primary", outcomes.Primary);
            AddOutcomes(context, study, "secondary", outcomes.Secondary);
            AddOutcomes(context, study, "other", outcomes.Other);
        }
    }

    private static void AddOutcomes(TrialMappingContext context, ResearchStudy study, string kind, IReadOnlyList<Outcome>? outcomes)
    {
        foreach (var outcome in outcomes ?? [])
        {
            var type = new CodeableConcept { Coding = [context.Terminology.ObjectiveType.Coding(kind)] };
            var objective = new ResearchStudy.ObjectiveComponent { Name = outcome.Measure, Type = type };
            if (outcome.TimeFrame is { } timeFrame)
            {
                objective.AddExtension(ExtensionUrls.ObjectiveTimeFrame, new FhirString(timeFrame));
            }

            study.Objective.Add(objective);
            var measure = study.AddExtension(ExtensionUrls.OutcomeMeasure);
            measure.AddExtension("name", new FhirString(outcome.Measure));
            measure.AddExtension("type", type);
            if (outcome.Description is { } description)
            {
                measure.AddExtension("description", new Markdown(description));
            }
        }
    }
}
