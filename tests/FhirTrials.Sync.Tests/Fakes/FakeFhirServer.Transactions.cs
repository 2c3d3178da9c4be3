using System.Text.Json.Nodes;

namespace FhirTrials.Sync.Tests.Fakes;

/// <summary>A request of a Bundle entry or of a single interaction.</summary>
internal sealed record EntryRequest(string Method, string Url, string? IfMatch, string? IfNoneExist, JsonObject? Resource, string? FullUrl)
{
    public static EntryRequest From(JsonObject entry)
    {
        var request = entry["request"] as JsonObject ?? throw new FakeFhirException(400, "an entry has no request");
        return new EntryRequest(
            request["method"]!.GetValue<string>(),
            request["url"]!.GetValue<string>(),
            request["ifMatch"]?.GetValue<string>(),
            request["ifNoneExist"]?.GetValue<string>(),
            entry["resource"]?.DeepClone() as JsonObject,
            entry["fullUrl"]?.GetValue<string>());
    }

    public string Type => Url.Split('?', '/')[0];
}

/// <summary>The outcome of one entry.</summary>
internal sealed record EntryResult(int Status, FakeVersion? Version, string? Error = null);

public sealed partial class FakeFhirServer
{
    /// <summary>
    /// Applies entries like a FHIR server: ids decided first (conditional creates and updates search),
    /// fullUrls rewritten to <c>Type/id</c>, then DELETE, POST, PUT. Atomic: on any failure nothing is
    /// kept. With <see cref="FakeBehavior.RacyConditionals"/> the search and the write are apart, so
    /// concurrent requests can both create.
    /// </summary>
    private async Task<List<EntryResult>> ApplyAsync(List<EntryRequest> entries, bool atomic)
    {
        if (Behavior.RacyConditionals)
        {
            Dictionary<int, string> ids;
            lock (_gate)
            {
                ids = Resolve(entries, Store);
            }

            await Task.Delay(Behavior.RaceWindow);
            lock (_gate)
            {
                return Write(entries, ids, Store);
            }
        }

        _ = atomic;
        lock (_gate)
        {
            return Store.Atomically(store => Write(entries, Resolve(entries, store), store));
        }
    }

    /// <summary>The id of each entry (by index): found by its criteria, given by its URL, or new.</summary>
    private static Dictionary<int, string> Resolve(List<EntryRequest> entries, FakeStore store)
    {
        var ids = new Dictionary<int, string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var question = entry.Url.IndexOf('?', StringComparison.Ordinal);
            if (entry.Method == "POST")
            {
                var existing = entry.IfNoneExist is { } criteria ? store.Search(entry.Type, criteria) : [];
                ids[i] = existing.Count switch
                {
                    0 => store.NewId(),
                    1 => existing[0].Id,
                    _ => throw new FakeFhirException(412, $"several {entry.Type} match {entry.IfNoneExist}"),
                };
            }
            else if (question >= 0)
            {
                var matches = store.Search(entry.Type, entry.Url[(question + 1)..]);
                ids[i] = matches.Count switch
                {
                    0 => entry.Resource?["id"]?.GetValue<string>() ?? store.NewId(),
                    1 => matches[0].Id,
                    _ => throw new FakeFhirException(412, $"{entry.Url} matches {matches.Count} resources"),
                };
            }
            else
            {
                ids[i] = entry.Url.Split('/')[1];
            }
        }

        return ids;
    }

    private List<EntryResult> Write(List<EntryRequest> entries, Dictionary<int, string> ids, FakeStore store)
    {
        var references = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].FullUrl is { } fullUrl)
            {
                references[fullUrl] = entries[i].Type + "/" + ids[i];
            }
        }

        var now = DateTimeOffset.UtcNow;
        var results = new EntryResult[entries.Count];
        foreach (var method in new[] { "DELETE", "POST", "PUT" })
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (entry.Method != method)
                {
                    continue;
                }

                results[i] = method switch
                {
                    "DELETE" => new EntryResult(204, store.Delete(entry.Type, ids[i], now)),
                    "POST" when entry.IfNoneExist is not null && store.Current(entry.Type, ids[i]) is { Deleted: false } found => new EntryResult(200, found),
                    _ => Put(store, entry, ids[i], references, now),
                };
            }
        }

        return [.. results.Select(r => r ?? throw new FakeFhirException(400, "unsupported entry method"))];
    }

    private static EntryResult Put(FakeStore store, EntryRequest entry, string id, Dictionary<string, string> references, DateTimeOffset now)
    {
        if (entry.IfMatch is { } ifMatch)
        {
            var current = store.Current(entry.Type, id);
            var expected = ifMatch.Replace("W/", string.Empty, StringComparison.Ordinal).Trim('"');
            if (current is null || current.Deleted || current.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture) != expected)
            {
                throw new FakeFhirException(412, $"{entry.Type}/{id} is at version {current?.VersionId.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {expected}");
            }
        }

        var resource = entry.Resource ?? throw new FakeFhirException(400, "PUT needs a resource");
        Rewrite(resource, references);
        var (version, created) = store.Put(entry.Type, id, resource, now);
        return new EntryResult(created ? 201 : 200, version);
    }

    private static void Rewrite(JsonNode node, Dictionary<string, string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    if (child is JsonValue value && value.TryGetValue<string>(out var text) && references.TryGetValue(text, out var target))
                    {
                        obj[name] = target;
                    }
                    else if (child is not null)
                    {
                        Rewrite(child, references);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>())
                {
                    Rewrite(child, references);
                }

                break;
            default:
                break;
        }
    }
}
