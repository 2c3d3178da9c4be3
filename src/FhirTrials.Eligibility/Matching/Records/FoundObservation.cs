using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Records;

/// <summary>An Observation (or one of its components) with a code the criterion asks for.</summary>
internal sealed record FoundObservation(
    RecordEntry<Observation> Entry,
    CodeableConcept? Code,
    DataType? Value,
    IReadOnlyList<Observation.ReferenceRangeComponent> ReferenceRanges,
    IReadOnlyList<CodeableConcept> Interpretation,
    string Element,
    EventTime? When)
{
    /// <summary>The date as written (effective or issued).</summary>
    public string? Date => When?.Written;

    /// <summary>Evidence naming the resource, the element and the value as recorded.</summary>
    public MatchEvidence Evidence(string summary, string? value) =>
        Entry.Evidence(summary, Element, value, Date);
}
