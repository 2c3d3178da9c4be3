using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    /// <summary>Outcomes from the objectives (measure, kind, time frame) and the R5 outcomeMeasure written alongside each (description).</summary>
    private static Outcomes? Outcomes(ReverseContext context)
    {
        var study = context.Study;
        var measures = Complex(study, ExtensionUrls.OutcomeMeasure).ToList();
        var byKind = new Dictionary<string, List<Outcome>>(StringComparer.Ordinal);
        for (var i = 0; i < study.Objective.Count; i++)
        {
            var objective = study.Objective[i];
            var kind = context.Terminology.ObjectiveType.Key(objective.Type) ?? "other";
            var description = i < measures.Count ? (Part(measures[i], "description") as Markdown)?.Value : null;
            var outcome = new Outcome
            {
                Measure = objective.Name ?? throw new TrialReverseMappingException($"ResearchStudy/{study.Id}: objective {i + 1} has no name"),
                Description = description,
                TimeFrame = (objective.GetExtensionValue(ExtensionUrls.ObjectiveTimeFrame) as FhirString)?.Value,
            };
            if (!byKind.TryGetValue(kind, out var list))
            {
                byKind[kind] = list = [];
            }

            list.Add(outcome);
        }

        return byKind.Count == 0
            ? null
            : new Outcomes { Primary = byKind.GetValueOrDefault("primary"), Secondary = byKind.GetValueOrDefault("secondary"), Other = byKind.GetValueOrDefault("other") };
    }

    /// <summary>Literature references: relatedArtifact of type citation (PubMed id from its URL) with their registry-fields.</summary>
    private static IReadOnlyList<Records.Reference>? References(ReverseContext context)
    {
        var references = new List<Records.Reference>();
        foreach (var artifact in context.Study.RelatedArtifact.Where(a => a.Type == RelatedArtifactType.Citation))
        {
            references.Add(new Records.Reference { Citation = artifact.Citation, Pmid = ResearchStudyMapper.PmidFromUrl(artifact.Url) });
            context.Keep<Records.Reference>(artifact, "references", references.Count - 1);
        }

        return NullIfEmpty(references);
    }

    /// <summary>See-also links: relatedArtifact of type documentation (display = label).</summary>
    private static IReadOnlyList<SeeAlsoLink>? SeeAlsoLinks(ReverseContext context)
    {
        var links = new List<SeeAlsoLink>();
        foreach (var artifact in context.Study.RelatedArtifact.Where(a => a.Type == RelatedArtifactType.Documentation))
        {
            var url = artifact.Url ?? RegistryFields.Decode<SeeAlsoLink>(artifact)?["url"]?.GetValue<string>()
                ?? throw new TrialReverseMappingException($"ResearchStudy/{context.Study.Id}: a documentation relatedArtifact has no url");
            links.Add(new SeeAlsoLink { Label = artifact.Display, Url = url });
            context.Keep<SeeAlsoLink>(artifact, "seeAlsoLinks", links.Count - 1);
        }

        return NullIfEmpty(links);
    }
}
