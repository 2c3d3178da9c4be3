using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.DefinitionsBuilder;

/// <summary>
/// Fetches the pinned HL7 packages (sha512-checked) and writes two trimmed packages in the standard
/// layout: the R4 conformance resources and the R4 ValueSet expansions.
/// </summary>
internal static class DefinitionsBuild
{
    /// <summary>Resource types a FHIR engine needs at run time; examples stay out of the binary.</summary>
    private static readonly HashSet<string> DefinitionTypes = new(StringComparer.Ordinal)
    {
        "StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "CompartmentDefinition", "NamingSystem",
    };

    public static async Task RunAsync(BuilderOptions options)
    {
        var sources = SourceList.Load(Path.Combine(AppContext.BaseDirectory, "sources.json"));
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        var fetcher = new NpmPackageFetcher(http);
        var outputDir = Path.Combine(options.RepoRoot, "src", "FhirTrials.Fhir", "Definitions");
        Directory.CreateDirectory(outputDir);

        var examples = await LoadAsync(fetcher, sources.Get("hl7.fhir.r4.examples"), options.CacheDirectory).ConfigureAwait(false);
        var definitions = Trim(examples, TrimDefinition);
        Write(Path.Combine(outputDir, "fhirtrials.r4.definitions-4.0.1.tgz"), definitions, Manifest(
            "fhirtrials.r4.definitions", "fhir.core",
            "The R4 4.0.1 conformance resources (StructureDefinitions, ValueSets, CodeSystems, SearchParameters, CompartmentDefinitions, NamingSystems) "
            + "of hl7.fhir.r4.examples@4.0.1, without narratives, mappings and core differentials.",
            sources.Get("hl7.fhir.r4.examples")));

        var expansions = await LoadAsync(fetcher, sources.Get("hl7.fhir.r4.expansions"), options.CacheDirectory).ConfigureAwait(false);
        var trimmedExpansions = Trim(expansions, TrimExpansion);
        Write(Path.Combine(outputDir, "fhirtrials.r4.expansions-4.0.1.tgz"), trimmedExpansions, Manifest(
            "fhirtrials.r4.expansions", "fhir.expansions",
            "The ValueSet expansions of hl7.fhir.r4.expansions@4.0.1, reduced to url, version and expansion.",
            sources.Get("hl7.fhir.r4.expansions")));
    }

    private static async Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(NpmPackageFetcher fetcher, PackageSource source, string cacheDir)
    {
        var file = Path.Combine(cacheDir, $"{source.Name}#{source.Version}.tgz");
        if (File.Exists(file))
        {
            NpmPackageFetcher.VerifyIntegrity(await File.ReadAllBytesAsync(file).ConfigureAwait(false), source.Integrity, file);
        }
        else
        {
            Console.WriteLine($"fetching {source.Name}@{source.Version} from the npm registry");
            await fetcher.DownloadAsync(source.Name, source.Version, file, source.Integrity).ConfigureAwait(false);
        }

        await using var stream = File.OpenRead(file);
        return TarGzArchive.ReadAllFiles(stream, name => name.EndsWith(".json", StringComparison.Ordinal));
    }

    private static SortedDictionary<string, JsonObject> Trim(IReadOnlyDictionary<string, byte[]> files, Func<JsonObject, bool> trim)
    {
        var kept = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, bytes) in files)
        {
            var fileName = name["package/".Length..];
            if (fileName.Contains('/', StringComparison.Ordinal) || fileName is "package.json" or ".index.json")
            {
                continue;
            }

            if (JsonNode.Parse(bytes) is JsonObject resource && trim(resource))
            {
                kept[fileName] = resource;
            }
        }

        return kept;
    }

    private static bool TrimDefinition(JsonObject resource)
    {
        var type = resource["resourceType"]?.GetValue<string>();
        if (type is null || !DefinitionTypes.Contains(type))
        {
            return false;
        }

        resource.Remove("text");
        if (type == "StructureDefinition")
        {
            resource.Remove("mapping");
            resource.Remove("differential");
            if (resource["snapshot"]?["element"] is JsonArray elements)
            {
                foreach (var element in elements.OfType<JsonObject>())
                {
                    element.Remove("mapping");
                }
            }
        }

        return true;
    }

    private static bool TrimExpansion(JsonObject resource)
    {
        if (resource["resourceType"]?.GetValue<string>() != "ValueSet" || resource["expansion"] is null)
        {
            return false;
        }

        foreach (var key in resource.Select(p => p.Key).ToList())
        {
            if (key is not ("resourceType" or "id" or "url" or "version" or "name" or "status" or "expansion"))
            {
                resource.Remove(key);
            }
        }

        return true;
    }

    private static JsonObject Manifest(string name, string type, string description, PackageSource source) => new()
    {
        ["name"] = name,
        ["version"] = "4.0.1",
        ["fhirVersions"] = new JsonArray("4.0.1"),
        ["type"] = type,
        ["license"] = "CC0-1.0",
        ["canonical"] = "http://hl7.org/fhir",
        ["title"] = $"FhirTrials trimmed copy of {source.Name}",
        ["description"] = description,
        ["derivedFrom"] = new JsonObject { ["name"] = source.Name, ["version"] = source.Version, ["integrity"] = source.Integrity },
    };

    private static void Write(string path, SortedDictionary<string, JsonObject> resources, JsonObject manifest)
    {
        var files = new List<KeyValuePair<string, byte[]>> { new("package/package.json", Serialize(manifest, indented: true)) };
        var index = new JsonArray();
        foreach (var (fileName, resource) in resources)
        {
            files.Add(new("package/" + fileName, Serialize(resource, indented: false)));
            index.Add(IndexEntry(fileName, resource));
        }

        files.Insert(1, new("package/.index.json", Serialize(new JsonObject { ["index-version"] = 1, ["files"] = index }, indented: false)));
        using var stream = File.Create(path);
        TarGzArchive.WriteAllFiles(stream, files);
        Console.WriteLine($"wrote {path}: {resources.Count} resources, {new FileInfo(path).Length / 1024} KiB");
    }

    private static JsonObject IndexEntry(string fileName, JsonObject resource)
    {
        var entry = new JsonObject { ["filename"] = fileName };
        foreach (var key in new[] { "resourceType", "id", "url", "version", "kind", "type" })
        {
            if (resource[key] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                entry[key] = text;
            }
        }

        return entry;
    }

    private static byte[] Serialize(JsonNode node, bool indented)
    {
        var text = node.ToJsonString(new JsonSerializerOptions { WriteIndented = indented, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        return Encoding.UTF8.GetBytes(text);
    }
}
