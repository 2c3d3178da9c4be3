using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tests.Fhir.Support;

/// <summary>
/// The one thing FHIR cannot carry back: an empty object (e.g. CT.gov's <c>"oversightModule": {}</c>) has
/// no element to be written as (ele-1, ext-1), so it returns absent. Expected records drop them.
/// </summary>
internal static class RecordNormalizer
{
    public static TrialRecord WithoutEmptyObjects(TrialRecord record, out IReadOnlyList<string> removed)
    {
        var json = JsonSerializer.SerializeToNode(record, TrialRecordJsonContext.Default.TrialRecord)!.AsObject();
        var paths = new List<string>();
        Prune(json, "$", paths);
        removed = paths;
        return paths.Count == 0 ? record : TrialRecordReader.Parse(json.ToJsonString(), record.RegistryId);
    }

    private static void Prune(JsonNode node, string path, List<string> removed)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is null)
                    {
                        continue;
                    }

                    Prune(child, $"{path}.{name}", removed);
                    if (child is JsonObject { Count: 0 })
                    {
                        obj.Remove(name);
                        removed.Add($"{path}.{name}");
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Prune(item, $"{path}[{i}]", removed);
                    }
                }

                break;
        }
    }
}
