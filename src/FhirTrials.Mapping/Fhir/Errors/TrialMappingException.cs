namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// A trial record that cannot be mapped to FHIR: the message is one line naming the registry id and
/// the record field (JSON path), e.g. <c>NCT01234567: $.dates.start.date: '2019-13' is not a FHIR dateTime</c>.
/// </summary>
public sealed class TrialMappingException : Exception
{
    public TrialMappingException(string registryId, string fieldPath, string reason)
        : base($"{registryId}: {fieldPath}: {reason}")
    {
        RegistryId = registryId;
        FieldPath = fieldPath;
    }

    public TrialMappingException()
    {
        RegistryId = "";
        FieldPath = "$";
    }

    public TrialMappingException(string message)
        : base(message)
    {
        RegistryId = "";
        FieldPath = "$";
    }

    public TrialMappingException(string message, Exception innerException)
        : base(message, innerException)
    {
        RegistryId = "";
        FieldPath = "$";
    }

    /// <summary>Registry id of the record.</summary>
    public string RegistryId { get; }

    /// <summary>JSON path of the field in the record, e.g. <c>$.locations[2].geoPoint</c>.</summary>
    public string FieldPath { get; }
}
