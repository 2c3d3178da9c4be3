using System.Text.Json.Nodes;
using FhirTrials.Benchmarks.Json;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.Validation;

/// <summary>
/// The inputs of the validation benchmarks, each a list of JSON documents and the number of resources
/// they hold (a Bundle counts with its entries): the FhirTrials profile examples, synthetic trial
/// Bundles (the example transaction Bundle re-identified per trial, as the mapper writes one Bundle
/// per trial), and the R4 instance examples (as the examples test takes them: no conformance
/// resources, no Bundles of definitions).
/// </summary>
public static class ValidationCorpus
{
    public const string ProfileExamples = "profile-examples";
    public const string TrialBundles = "trial-bundles";
    public const string R4Examples = "r4-examples";

    private static string ExamplesFolder => Path.Combine(TestPaths.RepoRoot, "profiles", "examples");

    public static (byte[][] Documents, int Resources) Load(string name) => name switch
    {
        ProfileExamples => Count([.. Directory.GetFiles(ExamplesFolder, "*.json").Where(f => !Path.GetFileName(f).StartsWith("Bundle-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(File.ReadAllBytes)]),
        TrialBundles => Count(TrialBundleCopies(100)),
        R4Examples => Count([.. JsonCorpus.Instances().Where(d => !IsDefinitionsBundle(d))]),
        _ => throw new ArgumentException($"unknown corpus {name}"),
    };

    /// <summary><paramref name="trials"/> copies of the example trial Bundle, each with its own ids and fullUrls.</summary>
    public static byte[][] TrialBundleCopies(int trials)
    {
        var template = File.ReadAllText(Path.Combine(ExamplesFolder, "Bundle-fhirtrials-example.json"));
        var bundles = new byte[trials][];
        for (var i = 0; i < trials; i++)
        {
            var text = template.Replace("fhirtrials-example", $"fhirtrials-trial-{i:D5}", StringComparison.Ordinal)
                .Replace("NCT01234567", $"NCT{10_000_000 + i:D8}", StringComparison.Ordinal);
            bundles[i] = System.Text.Encoding.UTF8.GetBytes(text);
        }

        return bundles;
    }

    /// <summary>The spec's Bundles of definitions (Bundle-types.json…: every entry a conformance resource) are not instances.</summary>
    private static bool IsDefinitionsBundle(byte[] document)
    {
        if (JsonNode.Parse(document) is not { } node || node["resourceType"]?.GetValue<string>() != "Bundle" || node["entry"] is not JsonArray { Count: > 0 } entries)
        {
            return false;
        }

        return entries.All(e => e?["resource"]?["resourceType"]?.GetValue<string>() is "StructureDefinition" or "ValueSet" or "CodeSystem" or "SearchParameter"
            or "ConceptMap" or "OperationDefinition" or "CompartmentDefinition" or "NamingSystem" or "CapabilityStatement");
    }

    private static (byte[][], int) Count(byte[][] documents) => (documents, documents.Sum(Resources));

    private static int Resources(byte[] document) =>
        JsonNode.Parse(document) is { } node && node["resourceType"]?.GetValue<string>() == "Bundle" ? 1 + (node["entry"]?.AsArray().Count ?? 0) : 1;
}
