using System.Globalization;
using System.Text.Json.Nodes;

namespace FhirTrials.Validation.Tests.Mutations;

/// <summary>The few JSON Patch operations the mutation suite needs: remove, replace (or set) and add (into arrays, "-" appends).</summary>
public static class JsonPatch
{
    public static void Apply(JsonNode document, string op, string path, JsonNode? value)
    {
        var (parent, key) = Parent(document, path);
        switch (op)
        {
            case "remove":
                if (parent is JsonArray removeFrom)
                {
                    removeFrom.RemoveAt(Index(key, removeFrom.Count));
                }
                else
                {
                    parent.AsObject().Remove(key);
                }

                break;
            case "replace":
                if (parent is JsonArray array)
                {
                    array[Index(key, array.Count)] = value;
                }
                else
                {
                    parent.AsObject()[key] = value;
                }

                break;
            case "add":
                var target = parent is JsonArray a ? a : throw new ArgumentException($"'add' needs an array at {path}");
                if (key == "-")
                {
                    target.Add(value);
                }
                else
                {
                    target.Insert(Index(key, target.Count + 1), value);
                }

                break;
            default:
                throw new ArgumentException($"unknown op '{op}'");
        }
    }

    private static (JsonNode Parent, string Key) Parent(JsonNode document, string path)
    {
        var parts = path.Split('/')[1..];
        var node = document;
        foreach (var part in parts[..^1])
        {
            node = node is JsonArray array ? array[Index(part, array.Count)]! : node[part] ?? throw new ArgumentException($"no '{part}' on the way to {path}");
        }

        return (node, parts[^1]);
    }

    private static int Index(string key, int count)
    {
        var index = int.Parse(key, CultureInfo.InvariantCulture);
        return index >= 0 && index < count ? index : throw new ArgumentException($"index {index} out of range ({count})");
    }
}
