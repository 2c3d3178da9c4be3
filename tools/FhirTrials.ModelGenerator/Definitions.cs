using System.Text.Json;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.ModelGenerator;

/// <summary>The conformance resources the generator reads, as raw JSON keyed by canonical URL.</summary>
internal sealed class Definitions
{
    public required string PackageId { get; init; }

    public required string DerivedFrom { get; init; }

    public required IReadOnlyList<JsonElement> StructureDefinitions { get; init; }

    public required IReadOnlyDictionary<string, JsonElement> ValueSets { get; init; }

    public required IReadOnlyDictionary<string, JsonElement> CodeSystems { get; init; }

    public required IReadOnlyDictionary<string, JsonElement> Expansions { get; init; }

    public static Definitions Load(string definitionsDir)
    {
        var core = ReadPackage(Path.Combine(definitionsDir, "fhirtrials.r4.definitions-4.0.1.tgz"), out var manifest);
        var expansions = ReadPackage(Path.Combine(definitionsDir, "fhirtrials.r4.expansions-4.0.1.tgz"), out _);
        var derived = manifest.GetProperty("derivedFrom");
        return new Definitions
        {
            PackageId = $"{manifest.GetProperty("name").GetString()}@{manifest.GetProperty("version").GetString()}",
            DerivedFrom = $"{derived.GetProperty("name").GetString()}@{derived.GetProperty("version").GetString()} ({derived.GetProperty("integrity").GetString()})",
            StructureDefinitions = core.Where(r => Type(r) == "StructureDefinition").OrderBy(r => r.GetProperty("url").GetString(), StringComparer.Ordinal).ToList(),
            ValueSets = ByUrl(core, "ValueSet"),
            CodeSystems = ByUrl(core, "CodeSystem"),
            Expansions = ByUrl(expansions, "ValueSet"),
        };
    }

    private static string? Type(JsonElement r) => r.GetProperty("resourceType").GetString();

    private static Dictionary<string, JsonElement> ByUrl(IEnumerable<JsonElement> resources, string type) =>
        resources.Where(r => Type(r) == type && r.TryGetProperty("url", out _))
            .GroupBy(r => r.GetProperty("url").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static List<JsonElement> ReadPackage(string path, out JsonElement manifest)
    {
        using var stream = File.OpenRead(path);
        var files = TarGzArchive.ReadAllFiles(stream);
        manifest = JsonDocument.Parse(files["package/package.json"]).RootElement;
        return files.Where(f => f.Key.EndsWith(".json", StringComparison.Ordinal) && f.Key != "package/package.json" && f.Key != "package/.index.json")
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(f.Value).RootElement)
            .ToList();
    }
}
