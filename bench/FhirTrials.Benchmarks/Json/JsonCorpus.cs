using FhirTrials.Fhir.Model;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.Json;

/// <summary>The inputs of the JSON benchmarks: the official R4 examples.</summary>
public static class JsonCorpus
{
    private static readonly HashSet<string> ConformanceTypes = new(StringComparer.Ordinal)
    {
        "StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "ConceptMap", "OperationDefinition", "CompartmentDefinition", "NamingSystem", "CapabilityStatement",
    };

    /// <summary>Every instance example (conformance resources left out: they are mostly one shape).</summary>
    public static byte[][] Instances() =>
        R4Examples.All.Where(f => !ConformanceTypes.Contains(f.ResourceType)).Select(f => f.Content).ToArray();

    /// <summary>Every example of a resource type the typed model has a class for.</summary>
    public static byte[][] Typed() =>
        R4Examples.All.Where(f => ModelFactory.CreateResource(f.ResourceType) is not null && !f.Name.StartsWith("SearchParameter-questionnaireresponse-extensions", StringComparison.Ordinal))
            .Select(f => f.Content).ToArray();

    /// <summary>The files of <paramref name="corpus"/> under 1 MB (leaves out the multi-megabyte Bundles and guides).</summary>
    public static byte[][] UnderOneMegabyte(byte[][] corpus) => corpus.Where(c => c.Length < 1_000_000).ToArray();

    /// <summary>A corpus by the benchmark parameter's name.</summary>
    public static byte[][] Named(string name) => name switch
    {
        "instances" => Instances(),
        "typed" => Typed(),
        "instances-under-1MB" => UnderOneMegabyte(Instances()),
        "typed-under-1MB" => UnderOneMegabyte(Typed()),
        _ => throw new ArgumentException($"unknown corpus '{name}'", nameof(name)),
    };

    public static long Size(byte[][] corpus) => corpus.Sum(c => (long)c.Length);
}
