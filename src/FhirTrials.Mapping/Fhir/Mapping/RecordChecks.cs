using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Generated;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Checks a record for what FHIR cannot hold before mapping it.</summary>
internal static class RecordChecks
{
    /// <summary>
    /// FHIR strings cannot be empty: an empty string anywhere in the record is a mapping error naming its path.
    /// The generated walk (<see cref="EmptyStrings"/>) runs without paths first and builds the path only when it finds one.
    /// </summary>
    public static void NoEmptyStrings(TrialRecord record)
    {
        if (EmptyStrings.Find(record, path: null) is not null)
        {
            throw new TrialMappingException(record.RegistryId, EmptyStrings.Find(record, "$")!, "empty strings cannot be written in FHIR");
        }
    }
}
