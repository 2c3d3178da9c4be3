using System.Collections;
using System.Text.Json.Serialization.Metadata;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Checks a record for what FHIR cannot hold before mapping it.</summary>
internal static class RecordChecks
{
    /// <summary>FHIR strings cannot be empty: an empty string anywhere in the record is a mapping error naming its path.</summary>
    public static void NoEmptyStrings(TrialRecord record) => Walk(record, TrialRecordJsonContext.Default.TrialRecord, "$", record.RegistryId);

    private static void Walk(object value, JsonTypeInfo info, string path, string registryId)
    {
        foreach (var property in info.Properties)
        {
            switch (property.Get!(value))
            {
                case string { Length: 0 }:
                    throw new TrialMappingException(registryId, $"{path}.{property.Name}", "empty strings cannot be written in FHIR");
                case null or string or ValueType:
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        Check(item, $"{path}.{property.Name}[{index++}]", registryId);
                    }

                    break;
                case var nested:
                    Walk(nested, TrialRecordJsonContext.Default.GetTypeInfo(nested.GetType())!, $"{path}.{property.Name}", registryId);
                    break;
            }
        }
    }

    private static void Check(object? item, string path, string registryId)
    {
        switch (item)
        {
            case string { Length: 0 }:
                throw new TrialMappingException(registryId, path, "empty strings cannot be written in FHIR");
            case null or string or ValueType:
                break;
            default:
                Walk(item, TrialRecordJsonContext.Default.GetTypeInfo(item.GetType())!, path, registryId);
                break;
        }
    }
}
