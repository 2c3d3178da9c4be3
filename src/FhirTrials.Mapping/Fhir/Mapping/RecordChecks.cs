using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Generated;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Checks a record for what FHIR cannot hold before mapping it.</summary>
internal static class RecordChecks
{
    /// <summary>
    /// FHIR strings cannot be empty: an empty string anywhere in the record is a mapping error naming its path.
    /// The generated check (<see cref="EmptyStrings"/>) reads strings only; the path is looked for once it fails.
    /// </summary>
    public static void NoEmptyStrings(TrialRecord record)
    {
        if (EmptyStrings.Any(record))
        {
            throw new TrialMappingException(record.RegistryId, EmptyStrings.Find(record, "$")!, "empty strings cannot be written in FHIR");
        }
    }
}
