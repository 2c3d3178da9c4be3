using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Primitives;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    private static readonly HashSet<string> CitationMapped = new(StringComparer.Ordinal) { "citation" };
    private static readonly HashSet<string> CitationAndPmidMapped = new(StringComparer.Ordinal) { "citation", "pmid" };
    private static readonly HashSet<string> LinkMapped = new(StringComparer.Ordinal) { "label", "url" };
    private static readonly HashSet<string> LinkLabelMapped = new(StringComparer.Ordinal) { "label" };

    /// <summary>
    /// Literature references → relatedArtifact of type citation (PubMed id as the PubMed URL; CT.gov
    /// reference type and retractions in registry-fields); see-also links → relatedArtifact of type
    /// documentation (label as display).
    /// </summary>
    private static void References(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        foreach (var reference in record.References ?? [])
        {
            var pmidIsUrl = reference.Pmid is { Length: > 0 } pmid && pmid.All(char.IsAsciiDigit);
            var artifact = new RelatedArtifact
            {
                Type = RelatedArtifactType.Citation,
                Citation = reference.Citation,
                Url = pmidIsUrl ? SystemUris.PubMed + reference.Pmid + "/" : null,
            };
            RegistryFields.Add(artifact, reference, pmidIsUrl ? CitationAndPmidMapped : CitationMapped);
            study.RelatedArtifact.Add(artifact);
        }

        foreach (var link in record.SeeAlsoLinks ?? [])
        {
            var urlIsValid = PrimitiveFormat.Check("url", link.Url) is null;
            var artifact = new RelatedArtifact
            {
                Type = RelatedArtifactType.Documentation,
                Display = link.Label,
                Url = urlIsValid ? link.Url : null,
            };
            RegistryFields.Add(artifact, link, urlIsValid ? LinkMapped : LinkLabelMapped);
            study.RelatedArtifact.Add(artifact);
        }
    }

    /// <summary>The PubMed id of a PubMed URL written by <see cref="References"/>, or null.</summary>
    internal static string? PmidFromUrl(string? url) =>
        url is not null && url.StartsWith(SystemUris.PubMed, StringComparison.Ordinal) && url.EndsWith('/') ? url[SystemUris.PubMed.Length..^1] : null;
}
