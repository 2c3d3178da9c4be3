using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    /// <summary>
    /// status from the overall status (table); without one, status carries data-absent-reason "unknown"
    /// (R4 requires the element). The CT.gov value itself stays in registry-fields (status.overallStatus).
    /// </summary>
    private static void Status(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        if (record.Status?.OverallStatus is { } overall)
        {
            var row = context.Tables.OverallStatus.Map(overall);
            study.StatusElement = new Code<ResearchStudyStatus> { LexicalValue = row.Code };
        }
        else
        {
            study.StatusElement = Elements.Absent(new Code<ResearchStudyStatus>());
        }

        if (record.Status?.WhyStopped is { } whyStopped)
        {
            study.ReasonStopped = Concepts.Text(whyStopped);
        }

        if (record.Dates is { } dates)
        {
            Period(context, study, dates);
            ProgressStatus(context, study, dates);
        }
    }

    private static void Period(TrialMappingContext context, ResearchStudy study, TrialDates dates)
    {
        var start = dates.Start is { } s ? context.DateTime(s.Date, "$.dates.start.date") : null;
        var end = dates.Completion is { } c ? context.DateTime(c.Date, "$.dates.completion.date") : null;
        if (start is not null && end is not null && string.CompareOrdinal(end.Value, start.Value![..Math.Min(start.Value!.Length, end.Value!.Length)]) < 0)
        {
            end = null;
        }

        if (start is not null || end is not null)
        {
            study.Period = new Period { StartElement = start, EndElement = end };
        }
    }

    /// <summary>
    /// One R5 progressStatus per registry date, in the record's order: state = the FhirTrials milestone,
    /// actual = ACTUAL/ESTIMATED (absent when the registry gives no type), period start = end = the date.
    /// </summary>
    private static void ProgressStatus(TrialMappingContext context, ResearchStudy study, TrialDates dates)
    {
        var milestones = context.Terminology.StudyMilestone;
        foreach (var property in RecordShape.Of(typeof(TrialDates)))
        {
            if (property.Get(dates) is not TrialDate date)
            {
                continue;
            }

            var value = context.DateTime(date.Date, $"$.dates.{property.Name}.date");
            var progress = study.AddExtension(ExtensionUrls.ProgressStatus);
            progress.AddExtension("state", new CodeableConcept { Coding = [milestones.Coding(property.Name)] });
            if (date.Type is { } type)
            {
                progress.AddExtension("actual", new FhirBoolean(type == DateType.Actual));
            }

            progress.AddExtension("period", new Period { StartElement = value, EndElement = new FhirDateTime(value.Value) });
        }
    }
}
