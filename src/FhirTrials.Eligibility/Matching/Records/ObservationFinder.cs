using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Records;

/// <summary>
/// Finds Observations and Observation components by code, most recent first (by effective, else issued;
/// undated last). Observations entered in error or cancelled are ignored.
/// </summary>
internal static class ObservationFinder
{
    public static IReadOnlyList<FoundObservation> Find(PatientRecord record, IReadOnlySet<CodeKey> codes)
    {
        var found = new List<FoundObservation>();
        foreach (var entry in record.Observations)
        {
            var observation = entry.Resource;
            if (observation.Status is ObservationStatus.EnteredInError or ObservationStatus.Cancelled)
            {
                continue;
            }

            var when = EventTime.From(observation.Effective, null) ?? EventTime.From(observation.IssuedElement, null);
            if (Codes.Of(observation.Code).Any(codes.Contains))
            {
                found.Add(new FoundObservation(entry, observation.Code, observation.Value, observation.ReferenceRange, observation.Interpretation,
                    "Observation.value" + ChoiceSuffix(observation.Value), when));
                continue;
            }

            for (var i = 0; i < observation.Component.Count; i++)
            {
                var component = observation.Component[i];
                if (Codes.Of(component.Code).Any(codes.Contains))
                {
                    found.Add(new FoundObservation(entry, component.Code, component.Value, component.ReferenceRange, component.Interpretation,
                        $"Observation.component[{i}].value{ChoiceSuffix(component.Value)}", when));
                }
            }
        }

        return found
            .OrderByDescending(f => f.When is not null)
            .ThenByDescending(f => f.When?.End.Hi ?? DateTimeOffset.MinValue)
            .ToList();
    }

    /// <summary>The choice-type suffix of a value[x] element: Quantity, CodeableConcept, String...</summary>
    public static string ChoiceSuffix(DataType? value) =>
        value is null ? string.Empty : char.ToUpperInvariant(value.TypeName[0]) + value.TypeName[1..];
}
