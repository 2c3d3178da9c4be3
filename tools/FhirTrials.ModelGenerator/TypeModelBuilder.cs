using System.Text.Json;

namespace FhirTrials.ModelGenerator;

/// <summary>Turns the R4 StructureDefinition snapshots into <see cref="GenType"/>s.</summary>
internal static class TypeModelBuilder
{
    private const string SystemPrefix = "http://hl7.org/fhirpath/System.";
    private const string FhirTypeExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    private const string RegexExtension = "http://hl7.org/fhir/StructureDefinition/regex";
    private const string ExplicitNameExtension = "http://hl7.org/fhir/StructureDefinition/structuredefinition-explicit-type-name";

    /// <summary>Builds every base type of R4 (specializations, not profiles or logical models), sorted by name.</summary>
    public static List<GenType> Build(Definitions definitions)
    {
        var types = new List<GenType>();
        foreach (var sd in definitions.StructureDefinitions)
        {
            var kind = sd.GetProperty("kind").GetString();
            var derivation = sd.TryGetProperty("derivation", out var d) ? d.GetString() : null;
            if (kind is "logical" || derivation == "constraint")
            {
                continue;
            }

            types.Add(BuildType(sd, kind!));
        }

        var byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);

        // R4 4.0.1 declares positiveInt.value and unsignedInt.value as System.String; FHIRPath (and the
        // JSON format, which writes them as numbers) treats every specialization of integer as Integer.
        foreach (var primitive in types.Where(t => t.Kind == "Primitive" && t.BaseName == "integer").ToList())
        {
            types[types.IndexOf(primitive)] = primitive.WithSystemType(byName["integer"].SystemType);
        }

        byName = types.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var type in types.SelectMany(t => t.Backbones.Prepend(t)))
        {
            MarkInherited(type, byName);
        }

        return types.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    private static GenType BuildType(JsonElement sd, string sdKind)
    {
        var name = sd.GetProperty("type").GetString()!;
        var url = sd.GetProperty("url").GetString()!;
        var baseName = sd.TryGetProperty("baseDefinition", out var b) ? b.GetString()![(b.GetString()!.LastIndexOf('/') + 1)..] : null;
        var elements = sd.GetProperty("snapshot").GetProperty("element").EnumerateArray().ToList();
        var valueElement = elements.FirstOrDefault(e => Path(e) == name + ".value");
        var type = new GenType
        {
            Name = name,
            Kind = sdKind switch { "primitive-type" => "Primitive", "resource" => "Resource", _ => "Complex" },
            BaseName = baseName,
            IsAbstract = sd.TryGetProperty("abstract", out var a) && a.GetBoolean(),
            Canonical = url,
            SystemType = sdKind == "primitive-type" ? SystemTypeOf(valueElement) : null,
            Regex = sdKind == "primitive-type" ? RegexOf(valueElement) : null,
            Short = elements[0].TryGetProperty("short", out var s) ? s.GetString() : sd.GetProperty("name").GetString(),
        };

        var containers = new Dictionary<string, GenType>(StringComparer.Ordinal) { [name] = type };
        var parentsWithChildren = elements.Select(Path).Select(ParentPath).Where(p => p is not null).ToHashSet(StringComparer.Ordinal);
        foreach (var element in elements.Skip(1))
        {
            var path = Path(element);
            var parent = ParentPath(path)!;
            if (type.Kind == "Primitive" && path == name + ".value")
            {
                continue;
            }

            if (!containers.TryGetValue(parent, out var owner))
            {
                throw new InvalidOperationException($"{url}: element {path} has no parent backbone");
            }

            var genElement = BuildElement(element, path);
            owner.Elements.Add(genElement);
            if (parentsWithChildren.Contains(path) && !element.TryGetProperty("contentReference", out _))
            {
                var backbone = new GenType
                {
                    Name = path,
                    Kind = "Backbone",
                    BaseName = genElement.TypeNames[0],
                    Canonical = url,
                    Short = genElement.Short,
                    ExplicitName = ExplicitName(element),
                };
                genElement.TypeNames[0] = path;
                containers[path] = backbone;
                type.Backbones.Add(backbone);
            }
        }

        return type;
    }

    private static GenElement BuildElement(JsonElement element, string path)
    {
        var lastSegment = path[(path.LastIndexOf('.') + 1)..];
        var isChoice = lastSegment.EndsWith("[x]", StringComparison.Ordinal);
        List<string> typeNames;
        if (element.TryGetProperty("contentReference", out var reference))
        {
            typeNames = [reference.GetString()!.TrimStart('#')];
        }
        else
        {
            var basePath = element.TryGetProperty("base", out var bp) ? bp.GetProperty("path").GetString() : null;
            typeNames = element.GetProperty("type").EnumerateArray().Select(t => TypeCodeOf(t, path, basePath)).Distinct(StringComparer.Ordinal).ToList();
        }

        var representation = element.TryGetProperty("representation", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToList() : [];
        string? requiredValueSet = null;
        if (element.TryGetProperty("binding", out var binding) && binding.GetProperty("strength").GetString() == "required"
            && binding.TryGetProperty("valueSet", out var vs) && typeNames is ["code"])
        {
            requiredValueSet = vs.GetString()!.Split('|')[0];
        }

        var max = element.GetProperty("max").GetString()!;
        return new GenElement
        {
            Name = isChoice ? lastSegment[..^3] : lastSegment,
            Path = path,
            Min = element.GetProperty("min").GetInt32(),
            Max = max == "*" ? -1 : int.Parse(max, System.Globalization.CultureInfo.InvariantCulture),
            IsChoice = isChoice,
            IsModifier = element.TryGetProperty("isModifier", out var m) && m.GetBoolean(),
            IsSummary = element.TryGetProperty("isSummary", out var su) && su.GetBoolean(),
            IsXmlAttribute = representation.Contains("xmlAttr"),
            TypeNames = typeNames,
            Short = element.TryGetProperty("short", out var sh) ? sh.GetString() : null,
            RequiredValueSet = requiredValueSet,
        };
    }

    /// <summary>
    /// The FHIR type code of a type entry. System types (on Element.id, Extension.url, Resource.id) carry
    /// the FHIR type in the fhir-type extension. Resource.id is special: the 4.0.1 snapshot says
    /// "string", but the R4 Resource page and every resource define it as <c>id</c>.
    /// </summary>
    private static string TypeCodeOf(JsonElement type, string path, string? basePath)
    {
        var code = type.GetProperty("code").GetString()!;
        if (!code.StartsWith(SystemPrefix, StringComparison.Ordinal))
        {
            return code;
        }

        if (basePath == "Resource.id")
        {
            return "id";
        }

        return ExtensionValue(type, FhirTypeExtension) ?? code[SystemPrefix.Length..] switch
        {
            "String" => "string",
            "Boolean" => "boolean",
            "Integer" => "integer",
            "Decimal" => "decimal",
            "Date" => "date",
            "DateTime" => "dateTime",
            "Time" => "time",
            var other => throw new InvalidOperationException($"{path}: system type {other} without a FHIR type"),
        };
    }

    private static void MarkInherited(GenType type, Dictionary<string, GenType> byName)
    {
        if (type.BaseName is null || !byName.TryGetValue(type.BaseName, out var baseType))
        {
            return;
        }

        var inherited = baseType.Elements.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var element in type.Elements)
        {
            element.Inherited = inherited.Contains(element.Name);
        }
    }

    private static string? SystemTypeOf(JsonElement? valueElement) =>
        valueElement?.GetProperty("type")[0].GetProperty("code").GetString() is { } code && code.StartsWith(SystemPrefix, StringComparison.Ordinal)
            ? code[SystemPrefix.Length..]
            : null;

    private static string? RegexOf(JsonElement? valueElement) =>
        valueElement is { } v ? ExtensionValue(v.GetProperty("type")[0], RegexExtension) : null;

    private static string? ExplicitName(JsonElement element) => ExtensionValue(element, ExplicitNameExtension);

    private static string? ExtensionValue(JsonElement holder, string url)
    {
        if (!holder.TryGetProperty("extension", out var extensions))
        {
            return null;
        }

        foreach (var extension in extensions.EnumerateArray())
        {
            if (extension.GetProperty("url").GetString() == url)
            {
                foreach (var property in extension.EnumerateObject())
                {
                    if (property.Name.StartsWith("value", StringComparison.Ordinal))
                    {
                        return property.Value.GetString();
                    }
                }
            }
        }

        return null;
    }

    private static string Path(JsonElement element) => element.GetProperty("path").GetString()!;

    private static string? ParentPath(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? null : path[..dot];
    }
}
