namespace FhirTrials.ModelGenerator;

/// <summary>Resolves FHIR type names to the C# classes the generator emits.</summary>
internal sealed class ClassNames
{
    private readonly Dictionary<string, string> _backbones = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, GenEnum> _enums;

    public ClassNames(IEnumerable<GenType> classTypes, IReadOnlyDictionary<string, GenEnum> enums)
    {
        _enums = enums;
        foreach (var root in classTypes)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var backbone in root.Backbones)
            {
                var segment = backbone.Name[(backbone.Name.LastIndexOf('.') + 1)..];
                var name = Naming.Pascal(backbone.ExplicitName ?? segment) + "Component";
                if (!used.Add(name))
                {
                    var parent = backbone.Name[..backbone.Name.LastIndexOf('.')];
                    name = Naming.Pascal(parent[(parent.LastIndexOf('.') + 1)..]) + name;
                    used.Add(name);
                }

                _backbones[backbone.Name] = name;
            }
        }
    }

    /// <summary>The simple name of a backbone's nested class.</summary>
    public string Component(string backboneName) => _backbones[backboneName];

    /// <summary>The C# type used for a FHIR type name (backbones qualified by their root class).</summary>
    public string Of(string typeName)
    {
        if (Naming.Primitives.TryGetValue(typeName, out var primitive))
        {
            return primitive.Class;
        }

        if (_backbones.TryGetValue(typeName, out var component))
        {
            return typeName[..typeName.IndexOf('.', StringComparison.Ordinal)] + "." + component;
        }

        return typeName;
    }

    /// <summary>The element class of a primitive element, honouring required-binding enums.</summary>
    public string PrimitiveElementClass(GenElement element) =>
        element.RequiredValueSet is { } url && _enums.TryGetValue(url, out var e) ? $"Code<{e.Name}>" : Of(element.TypeNames[0]);

    /// <summary>The value type of a primitive element's convenience property (without the nullable mark).</summary>
    public string PrimitiveValueType(GenElement element) =>
        element.RequiredValueSet is { } url && _enums.TryGetValue(url, out var e) ? e.Name : Naming.Primitives[element.TypeNames[0]].ValueType;

    public bool IsStructValue(GenElement element) => PrimitiveValueType(element) != "string";
}
