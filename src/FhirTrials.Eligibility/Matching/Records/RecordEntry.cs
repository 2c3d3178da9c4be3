using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Records;

/// <summary>A resource of the patient Bundle with its <c>Type/id</c> reference and the entry's fullUrl.</summary>
internal sealed record RecordEntry<T>(T Resource, string Reference, string? FullUrl)
    where T : Resource
{
    /// <summary>Evidence about this resource; the summary names the reference.</summary>
    public MatchEvidence Evidence(string summary, string? element = null, string? value = null, string? date = null) => new()
    {
        Reference = Reference,
        FullUrl = FullUrl,
        Element = element,
        Value = value,
        Date = date,
        Summary = Reference + " " + summary,
    };
}
