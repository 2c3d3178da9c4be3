using System.Text.Json;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Writes an element tree as FHIR JSON: siblings of one name become one property (an array when the
/// element repeats), primitives split into <c>name</c>/<c>_name</c> with <c>null</c> placeholders,
/// choices named by their type, nothing empty written.
/// </summary>
public static partial class ElementTreeWriter
{
    /// <summary>Writes a node as a JSON object (a resource gets its <c>resourceType</c> first).</summary>
    public static void WriteObject(Utf8JsonWriter json, ElementNode node)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(node);
        json.WriteStartObject();
        if (node.IsResource)
        {
            json.WriteString(ResourceTypeName, node.Type!.Name);
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
        var i = 0;
        while (i < children.Count)
        {
            if (written is not null && written[i])
            {
                i++;
                continue;
            }

            var first = children[i];
            var end = i + 1;
            while (end < children.Count && SameProperty(children[end], first))
            {
                end++;
            }

            var scattered = false;
            for (var k = end; k < children.Count; k++)
            {
                if (SameProperty(children[k], first))
                {
                    written ??= new bool[children.Count];
                    written[k] = true;
                    scattered = true;
                }
            }

            var group = new Group(children, i, end, scattered);
            WriteProperty(json, group);
            i = end;
        }
    }

    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");

    private static bool SameProperty(ElementNode candidate, ElementNode first) =>
        string.Equals(candidate.Name, first.Name, StringComparison.Ordinal)
        && (first.Definition is not { IsChoice: true } || ReferenceEquals(candidate.Type, first.Type));

    private static void WriteProperty(Utf8JsonWriter json, in Group group)
    {
        var first = group.First;
        var isArray = (first.Definition?.IsCollection ?? false) || group.Count > 1 || first.IsJsonArrayMember;
        if (IsPrimitiveLike(first))
        {
            WritePrimitiveProperty(json, group, isArray);
            return;
        }

        if (!group.AnyNonEmpty())
        {
            return;
        }

        WriteName(json, first, extensionPart: false);
        if (!isArray)
        {
            WriteObject(json, first);
            return;
        }

        json.WriteStartArray();
        foreach (var item in group)
        {
            if (!item.IsEmpty)
            {
                WriteObject(json, item);
            }
        }

        json.WriteEndArray();
    }

    private static bool IsPrimitiveLike(ElementNode node) =>
        node.Type is { } type ? type.IsPrimitive : node.RawKind != JsonRawKind.None;

    private static void WriteName(Utf8JsonWriter json, ElementNode first, bool extensionPart)
    {
        if (first.Definition is { } definition)
        {
            json.WritePropertyName(definition.JsonName(first.Type, extensionPart));
        }
        else
        {
            json.WritePropertyName(extensionPart ? "_" + first.JsonName : first.JsonName);
        }
    }
}
