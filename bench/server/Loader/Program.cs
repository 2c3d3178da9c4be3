using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

// Loads N generated trials into a FhirTrials server through transaction Bundles, for the wrk benchmarks.
// Each study is cloned from one of the example trial records (title, condition text, phases) with a
// distinct id (ResearchStudy/bench-00042), a distinct identifier, and a condition code shared by one in
// every 1,000 studies (so a condition search finds about ten); sponsors, sites and an eligibility Group
// are referenced, so _include has something to add.
//
// dotnet run -c Release --project bench/server/Loader -- --base http://127.0.0.1:8080/fhir --api-key KEY
//   [--studies 10000] [--batch 100] [--parallel 4] [--records examples/records]
var options = Options.Parse(args);
using var http = new HttpClient { BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
var records = Directory.GetFiles(options.Records, "*.json").Order(StringComparer.Ordinal).Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToArray();
if (records.Length == 0)
{
    Console.Error.WriteLine($"no trial records in {options.Records}");
    return 2;
}

var clock = Stopwatch.StartNew();
await PostAsync(http, Generator.Reference(options));
var batches = Enumerable.Range(0, (options.Studies + options.Batch - 1) / options.Batch).ToArray();
var done = 0;
await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = options.Parallel }, async (batch, ct) =>
{
    var first = batch * options.Batch;
    var count = Math.Min(options.Batch, options.Studies - first);
    await PostAsync(http, Generator.Studies(records, first, count, options));
    var total = Interlocked.Add(ref done, count);
    if (total % 1000 < count)
    {
        Console.Error.WriteLine($"{total} studies ({clock.Elapsed.TotalSeconds:F0} s)");
    }
});

Console.Error.WriteLine($"loaded {options.Studies} studies with {options.Studies} groups, {Generator.Sponsors} sponsors and {Generator.Sites} sites in {clock.Elapsed.TotalSeconds:F1} s");
return 0;

static async Task PostAsync(HttpClient http, JsonObject bundle)
{
    using var content = new StringContent(bundle.ToJsonString(), Encoding.UTF8);
    content.Headers.ContentType = new MediaTypeHeaderValue("application/fhir+json");
    using var response = await http.PostAsync(string.Empty, content);
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"transaction failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

internal sealed record Options(string BaseUrl, string ApiKey, int Studies, int Batch, int Parallel, string Records)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(
            Get("--base", "http://127.0.0.1:8080/fhir"),
            Get("--api-key", Environment.GetEnvironmentVariable("FHIRTRIALS_API_KEY") ?? string.Empty),
            Int("--studies", 10_000),
            Int("--batch", 100),
            Int("--parallel", 4),
            Get("--records", "examples/records"));
    }
}

internal static class Generator
{
    public const int Sponsors = 100;
    public const int Sites = 300;
    public const int Conditions = 1000;
    public const string ConditionSystem = "urn:fhirtrials:bench:condition";

    private static readonly string[] Statuses = ["active", "active", "active", "closed-to-accrual", "completed", "approved"];

    /// <summary>The sponsors and sites every study points to (PUT with fixed ids, so loading twice is harmless).</summary>
    public static JsonObject Reference(Options options)
    {
        var entries = new JsonArray();
        for (var i = 0; i < Sponsors; i++)
        {
            entries.Add(Put("Organization", $"bench-org-{i:D3}", new JsonObject { ["name"] = $"Sponsor {i} Pharma", ["active"] = true }));
        }

        for (var i = 0; i < Sites; i++)
        {
            entries.Add(Put("Location", $"bench-loc-{i:D3}", new JsonObject
            {
                ["status"] = "active",
                ["name"] = $"Site {i}",
                ["address"] = new JsonObject { ["city"] = $"City {i % 50}", ["country"] = "DE" },
                ["managingOrganization"] = new JsonObject { ["reference"] = $"Organization/bench-org-{i % Sponsors:D3}" },
            }));
        }

        return Bundle(entries);
    }

    public static JsonObject Studies(JsonObject[] records, int first, int count, Options options)
    {
        var entries = new JsonArray();
        for (var i = first; i < first + count; i++)
        {
            var record = records[i % records.Length];
            var group = $"urn:uuid:{new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]):D}";
            entries.Add(new JsonObject
            {
                ["fullUrl"] = group,
                ["resource"] = new JsonObject
                {
                    ["resourceType"] = "Group",
                    ["type"] = "person",
                    ["actual"] = false,
                    ["characteristic"] = new JsonArray(
                        Characteristic("397669002", "Age", new JsonObject { ["valueRange"] = new JsonObject { ["low"] = Years(18 + (i % 5)), ["high"] = Years(65 + (i % 20)) } }),
                        Characteristic("263495000", "Gender", new JsonObject { ["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://hl7.org/fhir/administrative-gender", ["code"] = i % 3 == 0 ? "female" : "male" }) } })),
                },
                ["request"] = new JsonObject { ["method"] = "POST", ["url"] = "Group" },
            });
            var conditionText = record["conditions"]?[0]?["text"]?.GetValue<string>() ?? "Condition";
            var study = new JsonObject
            {
                ["identifier"] = new JsonArray(new JsonObject { ["system"] = "https://clinicaltrials.gov", ["value"] = $"NCT9{i:D7}" }),
                ["title"] = $"{record["briefTitle"]?.GetValue<string>() ?? "Study"} (copy {i})",
                ["status"] = Statuses[i % Statuses.Length],
                ["phase"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/research-study-phase", ["code"] = Phase(record) }) },
                ["condition"] = new JsonArray(new JsonObject
                {
                    ["coding"] = new JsonArray(new JsonObject { ["system"] = ConditionSystem, ["code"] = $"c{i % Conditions:D4}", ["display"] = conditionText }),
                    ["text"] = conditionText,
                }),
                ["period"] = new JsonObject { ["start"] = $"{2015 + (i % 10)}-{1 + (i % 12):D2}-01" },
                ["sponsor"] = new JsonObject { ["reference"] = $"Organization/bench-org-{i % Sponsors:D3}" },
                ["site"] = new JsonArray(new JsonObject { ["reference"] = $"Location/bench-loc-{i % Sites:D3}" }),
                ["enrollment"] = new JsonArray(new JsonObject { ["reference"] = group }),
                ["description"] = $"Generated benchmark study {i}, cloned from {record["registryId"]}.",
            };
            entries.Add(Put("ResearchStudy", $"bench-{i:D5}", study));
        }

        return Bundle(entries);
    }

    private static string Phase(JsonObject record) =>
        (record["phases"] as JsonArray)?.Select(p => p!.GetValue<string>()).ToArray() switch
        {
            ["EARLY_PHASE1"] => "early-phase-1",
            ["PHASE1"] => "phase-1",
            ["PHASE1", "PHASE2"] => "phase-1-phase-2",
            ["PHASE2"] => "phase-2",
            ["PHASE3"] => "phase-3",
            _ => "n-a",
        };

    private static JsonObject Years(int value) =>
        new() { ["value"] = value, ["unit"] = "years", ["system"] = "http://unitsofmeasure.org", ["code"] = "a" };

    private static JsonObject Characteristic(string code, string display, JsonObject value)
    {
        var characteristic = new JsonObject
        {
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = code, ["display"] = display }) },
        };
        foreach (var (name, node) in value.ToArray())
        {
            value.Remove(name);
            characteristic[name] = node;
        }

        characteristic["exclude"] = false;
        return characteristic;
    }

    private static JsonObject Put(string type, string id, JsonObject body)
    {
        var resource = new JsonObject { ["resourceType"] = type, ["id"] = id };
        foreach (var (name, node) in body.ToArray())
        {
            body.Remove(name);
            resource[name] = node;
        }

        return new JsonObject { ["resource"] = resource, ["request"] = new JsonObject { ["method"] = "PUT", ["url"] = $"{type}/{id}" } };
    }

    private static JsonObject Bundle(JsonArray entries) => new() { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = entries };
}
