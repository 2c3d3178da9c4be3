using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirTrials.Sync.Tests.Fakes;

public sealed partial class FakeFhirServer
{
    private readonly ConcurrentDictionary<string, (string Type, string Criteria)> _pages = new(StringComparer.Ordinal);

    private byte[] Metadata()
    {
        var interactions = new JsonArray();
        if (Behavior.Transactions)
        {
            interactions.Add(new JsonObject { ["code"] = "transaction" });
        }

        interactions.Add(new JsonObject { ["code"] = "batch" });
        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["status"] = "active",
            ["kind"] = "instance",
            ["fhirVersion"] = Behavior.FhirVersion,
            ["software"] = new JsonObject { ["name"] = "FakeFhirServer", ["version"] = "1.0" },
            ["format"] = new JsonArray("json"),
            ["rest"] = new JsonArray(new JsonObject
            {
                ["mode"] = "server",
                ["interaction"] = interactions,
                ["resource"] = new JsonArray(new JsonObject
                {
                    ["type"] = "ResearchStudy",
                    ["interaction"] = new JsonArray(new JsonObject { ["code"] = "read" }, new JsonObject { ["code"] = "update" }, new JsonObject { ["code"] = "search-type" }),
                    ["conditionalUpdate"] = true,
                }),
            }),
        });
    }

    /// <summary>A searchset page; the next link is HAPI-style: the base with an opaque <c>_getpages</c> token.</summary>
    private byte[] SearchPage(string type, string query)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + query);
        var offset = parameters.TryGetValue("_getpagesoffset", out var o) ? int.Parse(o.ToString(), CultureInfo.InvariantCulture) : 0;
        var count = parameters.TryGetValue("_count", out var c) ? int.Parse(c.ToString(), CultureInfo.InvariantCulture) : Behavior.PageSize;
        string criteria;
        if (parameters.TryGetValue("_getpages", out var token))
        {
            (type, criteria) = _pages.TryGetValue(token.ToString(), out var page) ? page : throw new FakeFhirException(410, "the search expired");
        }
        else
        {
            criteria = string.Join('&', query.Split('&').Where(p => !p.StartsWith("_count=", StringComparison.Ordinal)));
        }

        List<FakeVersion> matches;
        lock (_gate)
        {
            matches = Store.Search(type, criteria);
        }

        var entries = new JsonArray();
        foreach (var match in matches.Skip(offset).Take(count))
        {
            entries.Add(new JsonObject
            {
                ["fullUrl"] = $"{BaseUrl}/{match.Type}/{match.Id}",
                ["resource"] = match.Resource!.DeepClone(),
                ["search"] = new JsonObject { ["mode"] = "match" },
            });
        }

        var links = new JsonArray(new JsonObject { ["relation"] = "self", ["url"] = $"{BaseUrl}/{type}?{query}" });
        if (offset + count < matches.Count)
        {
            var id = parameters.TryGetValue("_getpages", out var existing) ? existing.ToString() : Guid.NewGuid().ToString("N");
            _pages[id] = (type, criteria);
            links.Add(new JsonObject { ["relation"] = "next", ["url"] = $"{BaseUrl}?_getpages={id}&_getpagesoffset={offset + count}&_count={count}&_pretty=true&_bundletype=searchset" });
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "searchset",
            ["total"] = matches.Count,
            ["link"] = links,
            ["entry"] = entries,
        });
    }

    private async Task<(int, byte[]?, List<(string, string)>)> WriteOneAsync(EntryRequest entry)
    {
        var results = await ApplyAsync([entry], atomic: true);
        var result = results[0];
        var headers = new List<(string, string)>();
        if (result.Version is { } version)
        {
            headers.Add(("ETag", $"W/\"{version.VersionId}\""));
            headers.Add(("Location", $"{BaseUrl}/{version.Type}/{version.Id}/_history/{version.VersionId}"));
        }

        return (result.Status, result.Version?.Resource is { } resource ? JsonSerializer.SerializeToUtf8Bytes(resource) : null, headers);
    }

    private async Task<(int, byte[]?, List<(string, string)>)> BundleAsync(JsonObject bundle, FakeRequest log)
    {
        var type = bundle["type"]?.GetValue<string>();
        var entries = (bundle["entry"] as JsonArray ?? []).OfType<JsonObject>().Select(EntryRequest.From).ToList();
        log.Entries = entries.Count;
        if (Behavior.MaxBundleEntries > 0 && entries.Count > Behavior.MaxBundleEntries)
        {
            return Behavior.LimitStyle == LimitStyle.Microsoft400
                ? (400, Outcome("invalid", $"The number of entries in the bundle exceeded the configured limit of {Behavior.MaxBundleEntries}."), [])
                : (413, Outcome("too-costly", $"Bundle has {entries.Count} entries; at most {Behavior.MaxBundleEntries} are allowed"), []);
        }

        if (type == "transaction" && !Behavior.Transactions)
        {
            throw new FakeFhirException(400, "transactions are not supported");
        }

        var results = type switch
        {
            "transaction" => await ApplyAsync(entries, atomic: true),
            "batch" => await BatchAsync(entries),
            _ => throw new FakeFhirException(400, $"Bundle.type {type} cannot be processed"),
        };
        var response = new JsonArray();
        foreach (var result in results)
        {
            var entryResponse = new JsonObject { ["status"] = result.Status.ToString(CultureInfo.InvariantCulture) };
            if (result.Version is { } version)
            {
                entryResponse["location"] = $"{version.Type}/{version.Id}/_history/{version.VersionId}";
                entryResponse["etag"] = $"W/\"{version.VersionId}\"";
                entryResponse["lastModified"] = version.LastUpdated.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
            }

            if (result.Error is { } error)
            {
                entryResponse["outcome"] = JsonNode.Parse(Outcome("processing", error));
            }

            response.Add(new JsonObject { ["response"] = entryResponse });
        }

        return (200, JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = type + "-response",
            ["entry"] = response,
        }), []);
    }

    private async Task<List<EntryResult>> BatchAsync(List<EntryRequest> entries)
    {
        var results = new List<EntryResult>();
        foreach (var entry in entries)
        {
            try
            {
                results.AddRange(await ApplyAsync([entry], atomic: true));
            }
            catch (FakeFhirException ex)
            {
                results.Add(new EntryResult(ex.Status, null, ex.Message));
            }
        }

        return results;
    }
}
