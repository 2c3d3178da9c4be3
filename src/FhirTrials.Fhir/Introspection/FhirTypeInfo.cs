using System.Collections.Frozen;
using FhirTrials.Fhir.Primitives;

namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// A FHIR type (primitive, datatype, resource or backbone element) with its elements in snapshot
/// order, inherited ones included. Instances come from the generated <see cref="ModelInfo"/> tables.
/// </summary>
public sealed partial class FhirTypeInfo
{
    private readonly ElementInfo[] _elements;
    private FrozenDictionary<string, ElementInfo>? _byName;
    private Dictionary<string, FhirJsonProperty>? _byJsonName;
    private Utf8NameTable<FhirJsonProperty>? _byUtf8JsonName;
    private FhirTypeInfo? _base;
    private ElementBinding? _rootBinding;

    public FhirTypeInfo(string name, FhirTypeKind kind, string? baseName, bool isAbstract, string canonical, string? systemType, ElementInfo[] elements)
    {
        Name = name;
        Kind = kind;
        BaseName = baseName;
        IsAbstract = isAbstract;
        Canonical = canonical;
        SystemType = systemType;
        _elements = elements;
        LexicalRule = kind == FhirTypeKind.Primitive ? PrimitiveFormat.RuleFor(name) : null;
    }

    /// <summary>The type name: <c>Patient</c>, <c>HumanName</c>, <c>dateTime</c>, or a backbone path such as <c>Patient.contact</c>.</summary>
    public string Name { get; }

    public FhirTypeKind Kind { get; }

    /// <summary>The name of the type this one specializes (<c>DomainResource</c>, <c>BackboneElement</c>…); null for <c>Base</c>-level types.</summary>
    public string? BaseName { get; }

    public bool IsAbstract { get; }

    /// <summary>The canonical URL of the defining StructureDefinition (for backbones: of the type that declares them).</summary>
    public string Canonical { get; }

    /// <summary>For primitives, the FHIRPath system type of the value (<c>String</c>, <c>Boolean</c>, <c>Integer</c>, <c>Decimal</c>, <c>Date</c>, <c>DateTime</c>, <c>Time</c>).</summary>
    public string? SystemType { get; }

    public IReadOnlyList<ElementInfo> Elements => _elements;

    /// <summary>For primitives whose values have a lexical rule beyond "not empty", that rule.</summary>
    internal LexicalRule? LexicalRule { get; }

    public bool IsPrimitive => Kind == FhirTypeKind.Primitive;

    public bool IsResource => Kind == FhirTypeKind.Resource;

    /// <summary>The type name FHIRPath reports for instances: backbone elements report their base (<c>BackboneElement</c> or <c>Element</c>).</summary>
    public string InstanceTypeName => Kind == FhirTypeKind.Backbone ? BaseName! : Name;

    /// <summary>The binding of tree nodes of this type that have no element definition (root resources).</summary>
    internal ElementBinding RootBinding => _rootBinding ??= ElementBinding.ForRoot(this);

    /// <summary>The base type, resolved.</summary>
    public FhirTypeInfo? Base => BaseName is null ? null : _base ??= ModelInfo.GetTypeOrThrow(BaseName);

    /// <summary>Finds an element by its FHIRPath name (<c>value</c> for <c>value[x]</c>).</summary>
    public ElementInfo? GetElement(string name) =>
        (_byName ??= _elements.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal)).GetValueOrDefault(name);

    /// <summary>
    /// Resolves a JSON property name (<c>valueQuantity</c>, <c>_birthDate</c>) to its element and, for choices, the chosen type.
    /// </summary>
    public bool TryGetJsonProperty(ReadOnlySpan<char> jsonName, out FhirJsonProperty property) =>
        JsonProperties.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(jsonName, out property!);

    /// <summary>Resolves a JSON property name given as its UTF-8 bytes (as a JSON reader sees it).</summary>
    public bool TryGetJsonProperty(ReadOnlySpan<byte> utf8JsonName, out FhirJsonProperty property) =>
        (property = (_byUtf8JsonName ??= new(JsonProperties)).Find(utf8JsonName)!) is not null;

    /// <summary>Resolves a JSON property name given as a string.</summary>
    public bool TryGetJsonProperty(string jsonName, out FhirJsonProperty property) =>
        JsonProperties.TryGetValue(jsonName, out property!);

    /// <summary>True when this type is <paramref name="other"/> or derives from it.</summary>
    public bool IsSubtypeOf(FhirTypeInfo other)
    {
        for (var t = this; t is not null; t = t.Base)
        {
            if (ReferenceEquals(t, other))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when this type is named <paramref name="typeName"/> or derives from a type of that name.</summary>
    public bool IsSubtypeOf(string typeName)
    {
        for (var t = this; t is not null; t = t.Base)
        {
            if (string.Equals(t.Name, typeName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Name;

    private Dictionary<string, FhirJsonProperty> JsonProperties => _byJsonName ??= BuildJsonProperties();
}
