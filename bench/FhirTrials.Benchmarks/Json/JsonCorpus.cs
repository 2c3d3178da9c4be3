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

    public static long Size(byte[][] corpus) => corpus.Sum(c => (long)c.Length);
}
