using System.Text.Json;

namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// One element of a FHIR type as the R4 StructureDefinition snapshot defines it: name, cardinality,
/// allowed types. Generated tables create these; <see cref="FhirTypeInfo"/> owns them.
/// </summary>
public sealed class ElementInfo
{
    private FhirTypeInfo[]? _types;
    private JsonEncodedText[]? _jsonNames;
    private ElementBinding.Set? _bindings;

    public ElementInfo(string name, string path, int min, int max, ElementFlags flags, string[] typeNames, int order)
    {
        Name = name;
        Path = path;
        Min = min;
        Max = max;
        Flags = flags;
        TypeNames = typeNames;
        Order = order;
    }

    /// <summary>The element name as in FHIRPath: <c>value</c> for <c>value[x]</c>.</summary>
    public string Name { get; }

    /// <summary>The ElementDefinition path, e.g. <c>Observation.value[x]</c>.</summary>
    public string Path { get; }

    public int Min { get; }

    /// <summary>The maximum cardinality; <c>-1</c> stands for <c>*</c>.</summary>
    public int Max { get; }

    public ElementFlags Flags { get; }

    /// <summary>The allowed type names (backbone elements name their nested type, e.g. <c>Patient.contact</c>).</summary>
    public IReadOnlyList<string> TypeNames { get; }

    /// <summary>Position in the type's snapshot: the order JSON writers follow.</summary>
    public int Order { get; }

    public bool IsCollection => Max != 1;

    public bool IsChoice => (Flags & ElementFlags.Choice) != 0;

    public bool IsModifier => (Flags & ElementFlags.Modifier) != 0;

    public bool IsSummary => (Flags & ElementFlags.Summary) != 0;

    public bool IsXmlAttribute => (Flags & ElementFlags.XmlAttribute) != 0;

    /// <summary>The allowed types, resolved.</summary>
    public IReadOnlyList<FhirTypeInfo> Types => _types ??= ResolveTypes();

    /// <summary>The single type of a non-choice element.</summary>
    public FhirTypeInfo Type => Types[0];

    /// <summary>The shared (definition, instance type) pairs of this element's tree nodes.</summary>
    internal ElementBinding.Set Bindings => _bindings ??= new();

    public override string ToString() => Path;

    /// <summary>
    /// The pre-encoded JSON property name for the given instance type: the element name, or for a
    /// choice the typed name (<c>valueQuantity</c>); with <paramref name="extensionPart"/> the
    /// <c>_name</c> form. Cached, so writers never re-encode names.
    /// </summary>
    public JsonEncodedText JsonName(FhirTypeInfo? type, bool extensionPart)
    {
        var names = _jsonNames ??= BuildJsonNames();
        var slot = 0;
        if (IsChoice && type is not null)
        {
            var types = Types;
            for (var i = 0; i < types.Count; i++)
            {
                if (ReferenceEquals(types[i], type))
                {
                    slot = i;
                    break;
                }
            }
        }

        return names[(slot * 2) + (extensionPart ? 1 : 0)];
    }

    private JsonEncodedText[] BuildJsonNames()
    {
        var count = IsChoice ? Types.Count : 1;
        var names = new JsonEncodedText[count * 2];
        for (var i = 0; i < count; i++)
        {
            var name = IsChoice ? FhirTypeInfo.ChoiceJsonName(Name, Types[i].Name) : Name;
            names[i * 2] = JsonEncodedText.Encode(name);
            names[(i * 2) + 1] = JsonEncodedText.Encode("_" + name);
        }

        return names;
    }

    private FhirTypeInfo[] ResolveTypes()
    {
        var types = new FhirTypeInfo[TypeNames.Count];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = ModelInfo.GetTypeOrThrow(TypeNames[i]);
        }

        return types;
    }
}
