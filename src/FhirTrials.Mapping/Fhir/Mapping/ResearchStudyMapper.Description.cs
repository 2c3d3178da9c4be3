using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    /// <summary>Detailed description, brief summary (R5 descriptionSummary), conditions, keywords and the interventions as focus.</summary>
    private static void Description(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        study.Description = record.DetailedDescription;
        if (record.BriefSummary is { } summary)
        {
            study.AddExtension(ExtensionUrls.DescriptionSummary, new Markdown(summary));
        }

        foreach (var condition in record.Conditions ?? [])
        {
            study.Condition.Add(Concepts.FromCodes(condition.Codes, condition.Text));
        }

        foreach (var keyword in record.Keywords ?? [])
        {
            study.Keyword.Add(Concepts.Text(keyword));
        }

        foreach (var intervention in record.Interventions ?? [])
        {
            study.Focus.Add(Concepts.FromCodes(intervention.Codes, intervention.Name));
        }

        foreach (var code in record.InterventionCodes ?? [])
        {
            study.Focus.Add(Concepts.FromCodes([code], text: null));
        }
    }
}
