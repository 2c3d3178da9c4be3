using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Sync.Tests.Fakes;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// Compares what a fake server holds with what the trials' bundles say it must hold, resource by
/// resource: each expected resource present once with the same content (references resolved to the
/// server's ids), nothing else there, no identifier or canonical URL on two resources.
/// </summary>
public static class ExpectedResources
{
    public static IReadOnlyList<string> Differences(FakeStore store, IEnumerable<Bundle> bundles)
    {
        var problems = new List<string>();
        var live = store.Live().ToList();
        foreach (var group in live.GroupBy(v => v.Type + " " + IdentityOf(v.Resource!)).Where(g => g.Count() > 1))
        {
            problems.Add($"duplicate {group.Key}: {string.Join(", ", group.Select(v => v.Id))}");
        }

        var expected = new Dictionary<(string, string), JsonObject>();
        foreach (var bundle in bundles)
        {
            var entries = JsonNode.Parse(FhirJsonSerializer.SerializeToUtf8Bytes(bundle))!["entry"]!.AsArray().Select(e => e!.AsObject()).ToList();
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var resource = entry["resource"]!.AsObject();
                var type = resource["resourceType"]!.GetValue<string>();
                var id = entry["request"]!["ifNoneExist"] is { } criteria
                    ? store.Search(type, criteria.GetValue<string>()).FirstOrDefault()?.Id ?? "(missing)"
                    : resource["id"]!.GetValue<string>();
                ids[entry["fullUrl"]!.GetValue<string>()] = type + "/" + id;
            }

            foreach (var entry in entries)
            {
                var resource = Resolve(entry["resource"]!.DeepClone(), ids).AsObject();
                var key = ids[entry["fullUrl"]!.GetValue<string>()].Split('/') is [var t, var i] ? (t, i) : default;
                if (entry["request"]!["ifNoneExist"] is not null)
                {
                    resource["id"] = key.i;
                    expected.TryAdd(key, resource);
                }
                else
                {
                    expected[key] = resource;
                }
            }
        }

        foreach (var ((type, id), resource) in expected)
        {
            var current = store.Current(type, id);
            if (current is null || current.Deleted)
            {
                problems.Add($"missing {type}/{id}");
            }
            else if (!FakeStore.SameContent(current.Resource!, resource))
            {
                problems.Add($"different {type}/{id}");
            }
        }

        foreach (var extra in live.Where(v => !expected.ContainsKey((v.Type, v.Id))))
        {
            problems.Add($"unexpected {extra.Type}/{extra.Id}");
        }

        return problems;
    }

    private static string IdentityOf(JsonObject resource) =>
        resource["url"]?.GetValue<string>() ?? (resource["identifier"] as JsonArray)?.Select(i => $"{i?["system"]}|{i?["value"]}").FirstOrDefault() ?? resource["id"]!.GetValue<string>();

    private static JsonNode Resolve(JsonNode node, Dictionary<string, string> ids)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.GetValueKind() == JsonValueKind.String && ids.TryGetValue(value.GetValue<string>(), out var target))
                    {
                        obj[name] = target;
                    }
                    else if (child is not null)
                    {
                        Resolve(child, ids);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Resolve(child, ids);
                }

                break;
            default:
                break;
        }

        return node;
    }
}
