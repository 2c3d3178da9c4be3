using System.Text.Json.Nodes;

namespace FhirTrials.Mapping.Fhir;

/// <summary>Deep merge of record JSON: the registry fields kept in extensions into what FHIR elements gave back.</summary>
internal static class JsonMerge
{
    /// <summary>Copies every property of <paramref name="patch"/> into <paramref name="target"/>, merging nested objects.</summary>
    public static void Into(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                Into(targetObject, patchObject);
            }
            else
            {
                patch.Remove(name);
                target[name] = value;
            }
        }
    }

    /// <summary>The object at <paramref name="path"/> (property names and array indexes) under <paramref name="root"/>, created when absent.</summary>
    public static JsonObject At(JsonObject root, IReadOnlyList<object> path)
    {
        JsonNode current = root;
        foreach (var step in path)
        {
            if (step is int index)
            {
                current = ((JsonArray)current)[index] ?? throw new TrialReverseMappingException($"no record element at index {index}");
            }
            else
            {
                var name = (string)step;
                var parent = (JsonObject)current;
                if (parent[name] is not { } child)
                {
                    parent[name] = child = new JsonObject();
                }

                current = child;
            }
        }

        return (JsonObject)current;
    }
}
