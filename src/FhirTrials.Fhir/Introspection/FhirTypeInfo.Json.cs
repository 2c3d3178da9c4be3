namespace FhirTrials.Fhir.Introspection;

public sealed partial class FhirTypeInfo
{
    /// <summary>The JSON property name of a choice element for one of its types: <c>value</c> + <c>Quantity</c>.</summary>
    public static string ChoiceJsonName(string elementName, string typeName) =>
        string.Concat(elementName, char.ToUpperInvariant(typeName[0]).ToString(), typeName.AsSpan(1));

    private Dictionary<string, FhirJsonProperty> BuildJsonProperties()
    {
        var map = new Dictionary<string, FhirJsonProperty>(AsciiNameComparer.Instance);
        foreach (var element in _elements)
        {
            if (element.IsChoice)
            {
                foreach (var type in element.Types)
                {
                    Add(map, ChoiceJsonName(element.Name, type.Name), element, type);
                }
            }
            else
            {
                Add(map, element.Name, element, element.Type);
            }
        }

        map.TrimExcess();
        return map;
    }

    private static void Add(Dictionary<string, FhirJsonProperty> map, string jsonName, ElementInfo element, FhirTypeInfo type)
    {
        map[jsonName] = new FhirJsonProperty(jsonName, element, type, IsExtensionPart: false);
        if (type.IsPrimitive && !element.IsXmlAttribute)
        {
            map["_" + jsonName] = new FhirJsonProperty(jsonName, element, type, IsExtensionPart: true);
        }
    }
}

/// <summary>
/// A JSON property of a FHIR type: the element it carries, the chosen type (for choices), and whether
/// it is the <c>_name</c> part holding a primitive's id and extensions.
/// </summary>
public sealed record FhirJsonProperty(string JsonName, ElementInfo Element, FhirTypeInfo Type, bool IsExtensionPart)
{
    /// <summary>The shared binding of the tree nodes this property creates.</summary>
    internal ElementBinding Binding { get; } = ElementBinding.Of(Element, Type);
}
