using System.Globalization;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation.Definitions;

/// <summary>Reads ElementDefinitions from the element tree of a StructureDefinition.</summary>
internal static class ElementDefReader
{
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    private const string BestPracticeExtension = "http://hl7.org/fhir/StructureDefinition/elementdefinition-bestpractice";

    /// <summary>Reads the <c>element</c>s of a snapshot or differential node, filling in missing ids.</summary>
    public static List<ElementDef> ReadAll(ElementNode? container)
    {
        var result = new List<ElementDef>();
        if (container is null)
        {
            return result;
        }

        foreach (var element in container.ChildrenNamed("element"))
        {
            result.Add(Read(element, result));
        }

        return result;
    }

    private static ElementDef Read(ElementNode e, List<ElementDef> previous)
    {
        var path = Text(e, "path") ?? string.Empty;
        var sliceName = Text(e, "sliceName");
        var baseNode = e.Child("base");
        return new ElementDef
        {
            Path = path,
            Id = e.Child("id")?.Text ?? DeriveId(path, sliceName, previous),
            SliceName = sliceName,
            Min = Int(e, "min") ?? 0,
            Max = ParseMax(Text(e, "max")),
            BasePath = baseNode is null ? null : Text(baseNode, "path"),
            BaseMax = baseNode is null ? ParseMax(Text(e, "max")) : ParseMax(Text(baseNode, "max")),
            ContentReference = Text(e, "contentReference"),
            Types = [.. e.ChildrenNamed("type").Select(ReadType)],
            Fixed = e.Child("fixed"),
            Pattern = e.Child("pattern"),
            MinValue = e.Child("minValue"),
            MaxValue = e.Child("maxValue"),
            MaxLength = Int(e, "maxLength"),
            Binding = ReadBinding(e.Child("binding")),
            AdditionalBindings = ReadAdditionalBindings(e.Child("binding")),
            Constraints = [.. e.ChildrenNamed("constraint").Select(ReadConstraint)],
            Slicing = ReadSlicing(e.Child("slicing")),
            IsModifier = string.Equals(Text(e, "isModifier"), "true", StringComparison.Ordinal),
            MustSupport = string.Equals(Text(e, "mustSupport"), "true", StringComparison.Ordinal),
            Short = Text(e, "short"),
        };
    }

    /// <summary>Reads the properties a differential element sets, for merging over its base.</summary>
    public static DiffElement ReadDiff(ElementNode e, List<ElementDef> previous)
    {
        var def = Read(e, previous);
        return new DiffElement(
            def,
            HasMin: e.Child("min") is not null,
            HasMax: e.Child("max") is not null,
            HasTypes: e.Child("type") is not null,
            HasModifier: e.Child("isModifier") is not null,
            HasMustSupport: e.Child("mustSupport") is not null);
    }

    /// <summary><c>*</c> as -1, a number as itself; unparseable as -1.</summary>
    public static int ParseMax(string? max) =>
        max is null or "*" ? -1 : int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : -1;

    private static TypeRef ReadType(ElementNode t)
    {
        var code = Text(t, "code") ?? string.Empty;
        if (code.StartsWith("http://hl7.org/fhirpath/System.", StringComparison.Ordinal))
        {
            var fhirType = t.ChildrenNamed("extension").FirstOrDefault(x => string.Equals(Text(x, "url"), FhirTypeExtension, StringComparison.Ordinal));
            code = fhirType?.Child("value")?.Text ?? code;
        }

        return new TypeRef(
            code,
            [.. t.ChildrenNamed("profile").Select(p => p.Text).OfType<string>()],
            [.. t.ChildrenNamed("targetProfile").Select(p => p.Text).OfType<string>()],
            [.. t.ChildrenNamed("aggregation").Select(p => p.Text).OfType<string>()]);
    }

    private static BindingDef? ReadBinding(ElementNode? b)
    {
        if (b is null)
        {
            return null;
        }

        var strength = EnumLiterals.TryParse<BindingStrength>(Text(b, "strength"), out var parsed) ? parsed : BindingStrength.Example;
        return new BindingDef(strength, Text(b, "valueSet"), Text(b, "description"));
    }

    private static readonly string[] AdditionalBindingExtensions =
    [
        "http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.binding.additional",
        "http://hl7.org/fhir/tools/StructureDefinition/additional-binding",
    ];

    /// <summary>The additional bindings whose purpose makes them required (<c>required</c>, <c>maximum</c>).</summary>
    private static List<BindingDef> ReadAdditionalBindings(ElementNode? b)
    {
        var result = new List<BindingDef>();
        foreach (var extension in b?.ChildrenNamed("extension") ?? [])
        {
            if (!AdditionalBindingExtensions.Contains(Text(extension, "url"), StringComparer.Ordinal))
            {
                continue;
            }

            var parts = extension.ChildrenNamed("extension").ToDictionary(x => Text(x, "url") ?? string.Empty, x => x.Child("value")?.Text, StringComparer.Ordinal);
            if (parts.GetValueOrDefault("purpose") is "required" or "maximum" && parts.GetValueOrDefault("valueSet") is { } vs)
            {
                result.Add(new BindingDef(BindingStrength.Required, vs, "additional binding"));
            }
        }

        return result;
    }

    private static ConstraintDef ReadConstraint(ElementNode c)
    {
        var bestPractice = c.ChildrenNamed("extension").Any(x =>
            string.Equals(Text(x, "url"), BestPracticeExtension, StringComparison.Ordinal) && string.Equals(x.Child("value")?.Text, "true", StringComparison.Ordinal));
        return new ConstraintDef(
            Text(c, "key") ?? string.Empty,
            !string.Equals(Text(c, "severity"), "warning", StringComparison.Ordinal),
            Text(c, "human") ?? string.Empty,
            Text(c, "expression"),
            Text(c, "source"),
            bestPractice);
    }

    private static SlicingDef? ReadSlicing(ElementNode? s)
    {
        if (s is null)
        {
            return null;
        }

        var discriminators = s.ChildrenNamed("discriminator").Select(d => new DiscriminatorDef(
            EnumLiterals.TryParse<DiscriminatorType>(Text(d, "type"), out var type) ? type : DiscriminatorType.Value,
            Text(d, "path") ?? "$this")).ToList();
        var rules = EnumLiterals.TryParse<SlicingRules>(Text(s, "rules"), out var parsed) ? parsed : SlicingRules.Open;
        return new SlicingDef(discriminators, string.Equals(Text(s, "ordered"), "true", StringComparison.Ordinal), rules, Text(s, "description"));
    }

    /// <summary>Builds an id for elements that lack one (older definitions): the nearest ancestor's id plus the rest of the path.</summary>
    private static string DeriveId(string path, string? sliceName, List<ElementDef> previous)
    {
        var id = path;
        for (var i = previous.Count - 1; i >= 0; i--)
        {
            var p = previous[i];
            if (path.StartsWith(p.Path + ".", StringComparison.Ordinal))
            {
                id = p.Id + path[p.Path.Length..];
                break;
            }

            if (sliceName is not null && p.SliceName is null && string.Equals(p.Path, path, StringComparison.Ordinal))
            {
                id = p.Id;
                break;
            }
        }

        return sliceName is null ? id : $"{id}:{sliceName}";
    }

    private static string? Text(ElementNode node, string name) => node.Child(name)?.Text;

    private static int? Int(ElementNode node, string name) =>
        int.TryParse(Text(node, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
}

/// <summary>A differential element and which of its properties it sets explicitly.</summary>
internal sealed record DiffElement(ElementDef Def, bool HasMin, bool HasMax, bool HasTypes, bool HasModifier, bool HasMustSupport);
