using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Definitions;

/// <summary>Reads the parts of a StructureDefinition (as an element tree) the validator uses.</summary>
internal static class StructureDefReader
{
    /// <summary>The header and the snapshot elements (empty when the definition has no snapshot).</summary>
    public static StructureDef Read(ElementNode sd) => ReadHeader(sd, ElementDefReader.ReadAll(sd.Child("snapshot")));

    /// <summary>True when the definition carries a snapshot.</summary>
    public static bool HasSnapshot(ElementNode sd) => sd.Child("snapshot")?.Child("element") is not null;

    /// <summary>The differential elements with the properties each sets.</summary>
    public static List<DiffElement> ReadDifferential(ElementNode sd)
    {
        var result = new List<DiffElement>();
        var previous = new List<ElementDef>();
        foreach (var element in sd.Child("differential")?.ChildrenNamed("element") ?? [])
        {
            var diff = ElementDefReader.ReadDiff(element, previous);
            previous.Add(diff.Def);
            result.Add(diff);
        }

        return result;
    }

    public static StructureDef ReadHeader(ElementNode sd, IReadOnlyList<ElementDef> elements)
    {
        ArgumentNullException.ThrowIfNull(sd);
        var url = sd.Child("url")?.Text ?? string.Empty;
        return new StructureDef
        {
            Url = url,
            Version = sd.Child("version")?.Text,
            Name = sd.Child("name")?.Text ?? sd.Child("id")?.Text ?? url,
            Type = sd.Child("type")?.Text ?? string.Empty,
            Kind = sd.Child("kind")?.Text ?? "resource",
            IsAbstract = string.Equals(sd.Child("abstract")?.Text, "true", StringComparison.Ordinal),
            Derivation = sd.Child("derivation")?.Text,
            BaseDefinition = sd.Child("baseDefinition")?.Text,
            Contexts = [.. sd.ChildrenNamed("context").Select(c => new ExtensionContext(c.Child("type")?.Text ?? "element", c.Child("expression")?.Text ?? string.Empty))],
            ContextInvariants = [.. sd.ChildrenNamed("contextInvariant").Select(c => c.Text).OfType<string>()],
            Elements = elements,
        };
    }
}
