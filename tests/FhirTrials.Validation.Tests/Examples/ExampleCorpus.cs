using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Examples;

/// <summary>
/// The instance examples of hl7.fhir.r4.examples: every resource type, without the spec's own
/// conformance resources, whether as files or packed into Bundles of definitions (Bundle-types.json,
/// Bundle-valuesets.json…: Bundles whose every entry is a conformance resource).
/// </summary>
public static class ExampleCorpus
{
    private static readonly HashSet<string> ConformanceTypes = new(StringComparer.Ordinal)
    {
        "StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter", "ConceptMap", "OperationDefinition", "CompartmentDefinition", "NamingSystem", "CapabilityStatement",
    };

    public static IEnumerable<ExampleFile> Instances => R4Examples.All.Where(f => !ConformanceTypes.Contains(f.ResourceType) && !IsDefinitionsBundle(f));

    private static bool IsDefinitionsBundle(ExampleFile file)
    {
        if (file.ResourceType != "Bundle")
        {
            return false;
        }

        using var doc = System.Text.Json.JsonDocument.Parse(file.Content);
        if (!doc.RootElement.TryGetProperty("entry", out var entries))
        {
            return false;
        }

        var types = entries.EnumerateArray()
            .Select(e => e.TryGetProperty("resource", out var r) && r.TryGetProperty("resourceType", out var t) ? t.GetString() : null)
            .ToList();
        return types.Count > 0 && types.All(t => t is not null && (ConformanceTypes.Contains(t) || t is "CompartmentDefinition"));
    }
}
