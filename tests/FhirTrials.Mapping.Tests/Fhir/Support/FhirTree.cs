using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Tests.Fhir.Support;

/// <summary>
/// Assertions on mapped FHIR walk the element tree parsed from the bundle's JSON (what a server sees),
/// with dotted FHIRPath-like paths of element names (<c>arm.name</c>, <c>characteristic.value.high.value</c>).
/// </summary>
internal static class FhirTree
{
    /// <summary>The bundle of <paramref name="record"/> as JSON, parsed strictly into the element tree.</summary>
    public static ElementNode Bundle(TrialRecord record) =>
        FhirJsonParser.ParseNode(TrialBundleMapper.Default.MapToJson(record), record.RegistryId);

    /// <summary>The resources of one type in a bundle tree.</summary>
    public static IEnumerable<ElementNode> Resources(this ElementNode bundle, string resourceType) =>
        bundle.Select("entry.resource").Where(r => r.Type?.Name == resourceType);

    public static ElementNode Resource(this ElementNode bundle, string resourceType) => Assert.Single(bundle.Resources(resourceType));

    /// <summary>The nodes at a dotted path of element names below <paramref name="node"/>.</summary>
    public static IEnumerable<ElementNode> Select(this ElementNode node, string path)
    {
        IEnumerable<ElementNode> current = [node];
        foreach (var step in path.Split('.'))
        {
            current = current.SelectMany(n => n.ChildrenNamed(step)).ToList();
        }

        return current;
    }

    /// <summary>The primitive values at a path.</summary>
    public static IReadOnlyList<string> Values(this ElementNode node, string path) =>
        [.. node.Select(path).Select(n => n.Text).OfType<string>()];

    public static string? Value(this ElementNode node, string path) => node.Values(path).SingleOrDefault();

    /// <summary>The extensions with <paramref name="url"/> directly on <paramref name="node"/>.</summary>
    public static IEnumerable<ElementNode> Extensions(this ElementNode node, string url) =>
        node.ChildrenNamed("extension").Where(e => e.Child("url")?.Text == url);

    /// <summary>The value node of sub-extension <paramref name="name"/> of a complex extension.</summary>
    public static ElementNode? Part(this ElementNode extension, string name) =>
        extension.Extensions(name).SingleOrDefault()?.Child("value");

    /// <summary>The codes (system|code) of the codings of a CodeableConcept node.</summary>
    public static IReadOnlyList<string> Codes(this ElementNode concept) =>
        [.. concept.ChildrenNamed("coding").Select(c => $"{c.Child("system")?.Text}|{c.Child("code")?.Text}")];

    /// <summary>The codes of the CodeableConcept at <paramref name="path"/> below <paramref name="node"/>.</summary>
    public static IReadOnlyList<string> Codes(this ElementNode node, string path) => [.. node.Select(path).SelectMany(Codes)];

    /// <summary>The resource a reference node points at inside the bundle (by fullUrl), or null.</summary>
    public static ElementNode? Resolve(this ElementNode bundle, ElementNode? reference)
    {
        var target = reference?.Child("reference")?.Text;
        return bundle.Select("entry").FirstOrDefault(e => e.Child("fullUrl")?.Text == target)?.Child("resource");
    }
}
