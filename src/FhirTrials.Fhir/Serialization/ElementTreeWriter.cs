using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Writes an element tree as FHIR JSON: siblings of one name become one property (an array when the
/// element repeats), primitives split into <c>name</c>/<c>_name</c> with <c>null</c> placeholders,
/// choices named by their type, nothing empty written.
/// </summary>
public static class ElementTreeWriter
{
    /// <summary>Writes a node as a JSON object (a resource gets its <c>resourceType</c> first).</summary>
    public static void WriteObject(Utf8JsonWriter json, ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(node);
        json.WriteStartObject();
        if (node.IsResource)
        {
            json.WriteString("resourceType", node.Type!.Name);
        }

        WriteMembers(json, node);
        json.WriteEndObject();
    }

    /// <summary>Writes the node's children as JSON properties (without the braces or <c>resourceType</c>).</summary>
    public static void WriteMembers(Utf8JsonWriter json, ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(node);
        var children = node.Children;
        bool[]? written = null;
        for (var i = 0; i < children.Count; i++)
        {
            if (written is not null && written[i])
            {
                continue;
            }

            var first = children[i];
            var jsonName = first.JsonName;
            var end = i + 1;
            while (end < children.Count && SameProperty(children[end], first, jsonName))
            {
                end++;
            }

            var group = new List<ElementNode>(end - i);
            for (var k = i; k < end; k++)
            {
                group.Add(children[k]);
            }

            for (var k = end; k < children.Count; k++)
            {
                if (SameProperty(children[k], first, jsonName))
                {
                    written ??= new bool[children.Count];
                    written[k] = true;
                    group.Add(children[k]);
                }
            }

            WriteProperty(json, jsonName, group);
            i = end - 1;
        }
    }

    private static bool SameProperty(ElementNode candidate, ElementNode first, string jsonName) =>
        string.Equals(candidate.Name, first.Name, StringComparison.Ordinal)
        && (first.Definition is not { IsChoice: true } || string.Equals(candidate.JsonName, jsonName, StringComparison.Ordinal));

    private static void WriteProperty(Utf8JsonWriter json, string jsonName, List<ElementNode> group)
    {
        var first = group[0];
        var isArray = (first.Definition?.IsCollection ?? false) || group.Count > 1 || first.IsJsonArrayMember;
        if (IsPrimitiveLike(first))
        {
            WritePrimitiveProperty(json, jsonName, group, isArray);
            return;
        }

        var items = group.FindAll(n => !n.IsEmpty);
        if (items.Count == 0)
        {
            return;
        }

        json.WritePropertyName(jsonName);
        if (isArray)
        {
            json.WriteStartArray();
        }

        foreach (var item in items)
        {
            WriteObject(json, item);
            if (!isArray)
            {
                break;
            }
        }

        if (isArray)
        {
            json.WriteEndArray();
        }
    }

    private static bool IsPrimitiveLike(ElementNode node) =>
        node.Type is { } type ? type.IsPrimitive : node.Text is not null || node.RawKind != JsonRawKind.None;

    private static void WritePrimitiveProperty(Utf8JsonWriter json, string jsonName, List<ElementNode> group, bool isArray)
    {
        var items = group.FindAll(n => !n.IsEmpty);
        if (items.Count == 0)
        {
            return;
        }

        if (items.Exists(n => n.Text is not null))
        {
            json.WritePropertyName(jsonName);
            WriteEach(json, items, isArray, n => n.Text is null, n => WriteValue(json, n));
        }

        if (items.Exists(n => n.Children.Count > 0))
        {
            json.WritePropertyName("_" + jsonName);
            WriteEach(json, items, isArray, n => n.Children.Count == 0, n => WriteObject(json, n));
        }
    }

    private static void WriteEach(Utf8JsonWriter json, List<ElementNode> items, bool isArray, Func<ElementNode, bool> isNull, Action<ElementNode> write)
    {
        if (!isArray)
        {
            write(items[0]);
            return;
        }

        json.WriteStartArray();
        foreach (var item in items)
        {
            if (isNull(item))
            {
                json.WriteNullValue();
            }
            else
            {
                write(item);
            }
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, ElementNode node)
    {
        var text = node.Text!;
        var kind = node.RawKind != JsonRawKind.None ? node.RawKind : KindOf(node.Type);
        switch (kind)
        {
            case JsonRawKind.True or JsonRawKind.False when text is "true" or "false":
                json.WriteBooleanValue(text == "true");
                break;
            case JsonRawKind.Number when JsonNumber.IsValid(text):
                json.WriteRawValue(text, skipInputValidation: true);
                break;
            default:
                json.WriteStringValue(text);
                break;
        }
    }

    private static JsonRawKind KindOf(FhirTypeInfo? type) => type?.SystemType switch
    {
        "Boolean" => JsonRawKind.True,
        "Integer" or "Decimal" => JsonRawKind.Number,
        _ => JsonRawKind.String,
    };
}
