using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    /// <summary>The identifiers of one kind (orgStudyId or secondaryIds), keeping each one's registry-fields.</summary>
    private static List<StudyIdentifier> StudyIdentifiers(ReverseContext context, string kind)
    {
        var result = new List<StudyIdentifier>();
        foreach (var identifier in context.Study.Identifier.Where(i => context.Terminology.IdentifierType.Key(i.Type) == kind))
        {
            var typeCode = identifier.Type!.Coding.FirstOrDefault(c => c.System == SystemUris.CtGovEnumeration("SecondaryIdType"))?.Code;
            result.Add(new StudyIdentifier
            {
                Id = identifier.Value ?? throw new TrialReverseMappingException($"ResearchStudy/{context.Study.Id}: a {kind} identifier has no value"),
                Type = typeCode is not null && EnumWire<StudyIdType>.TryParse(typeCode, out var type) ? type : null,
                Domain = identifier.Assigner?.Display,
            });
            context.Keep<StudyIdentifier>(identifier, kind == "orgStudyId" ? ["orgStudyId"] : ["secondaryIds", result.Count - 1]);
        }

        return result;
    }

    private static string? Label(ReverseContext context, string property) =>
        Complex(context.Study, ExtensionUrls.Label)
            .Where(label => context.Terminology.TitleType.Key(Part(label, "type") as CodeableConcept) == property)
            .Select(label => (Part(label, "value") as FhirString)?.Value)
            .FirstOrDefault();

    /// <summary>Why stopped from reasonStopped; the overall status from the R4 code (registry-fields, merged later, has the exact one).</summary>
    private static TrialStatus? Status(ReverseContext context)
    {
        var study = context.Study;
        var candidates = study.StatusElement?.LexicalValue is { } code
            ? context.Tables.OverallStatus.Reverse(SystemUris.ResearchStudyStatus, code)
            : [];
        OverallStatus? overall = candidates.Count == 0
            ? null
            : candidates.FirstOrDefault(c => context.Tables.OverallStatus.Map(c).Equivalence is ConceptEquivalence.Equivalent or ConceptEquivalence.Equal, candidates[0]);
        var whyStopped = study.ReasonStopped?.Text;
        return overall is null && whyStopped is null ? null : new TrialStatus { OverallStatus = overall, WhyStopped = whyStopped };
    }

    /// <summary>The registry dates from the R5 progressStatus milestones (else start and end of period).</summary>
    private static TrialDates? Dates(ReverseContext context)
    {
        var study = context.Study;
        var dates = new JsonObject();
        foreach (var progress in Complex(study, ExtensionUrls.ProgressStatus))
        {
            var key = context.Terminology.StudyMilestone.Key(Part(progress, "state") as CodeableConcept);
            var period = Part(progress, "period") as Period;
            if (key is null || (period?.Start ?? period?.End) is not { } date)
            {
                continue;
            }

            var entry = new JsonObject { ["date"] = date };
            if ((Part(progress, "actual") as FhirBoolean)?.Value is { } actual)
            {
                entry["type"] = EnumWire<DateType>.ToWire(actual ? DateType.Actual : DateType.Estimated);
            }

            dates[key] = entry;
        }

        if (dates.Count == 0 && study.Period is { } studyPeriod)
        {
            if (studyPeriod.Start is { } start)
            {
                dates["start"] = new JsonObject { ["date"] = start };
            }

            if (studyPeriod.End is { } end)
            {
                dates["completion"] = new JsonObject { ["date"] = end };
            }
        }

        return dates.Count == 0 ? null : System.Text.Json.JsonSerializer.Deserialize(dates, TrialRecordJsonContext.Default.TrialDates);
    }
}
