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
        JsonEmbedding.Write(json, node, static (output, n) => WriteObject(output, n));
    }

    internal static void WriteObject(JsonOutput json, ElementNode node)
    {
        json.WriteStartObject();
        if (node.IsResource)
        {
            json.WriteString(ResourceTypeName, node.Type!.Name);
        }

        WriteMembers(json, node);
        json.WriteEndObject();
    }

    /// <summary>Writes the node's children as JSON properties (without the braces or <c>resourceType</c>).</summary>
    internal static void WriteMembers(JsonOutput json, ElementNode node)
    {
        var children = node.ChildArray;
        if (children is null)
        {
            return;
        }

        var grouped = IsGrouped(children);
        bool[]? written = null;
        var i = 0;
        while (i < children.Length)
        {
            if (written is not null && written[i])
            {
                i++;
                continue;
            }

            var first = children[i];
            var end = i + 1;
            while (end < children.Length && SameProperty(children[end], first))
            {
                end++;
            }

            var scattered = false;
            for (var k = grouped ? children.Length : end; k < children.Length; k++)
            {
                if (SameProperty(children[k], first))
                {
                    written ??= new bool[children.Length];
                    written[k] = true;
                    scattered = true;
                }
            }

            var group = new Group(children, i, end, scattered);
            WriteProperty(json, group);
            i = end;
        }
    }

    /// <summary>
    /// True when the siblings of each property stand together (always so in parsed trees), so no later
    /// sibling needs to be looked for; judged by element order, untyped or far elements say no.
    /// </summary>
    private static bool IsGrouped(ElementNode[] children)
    {
        var seen = 0UL;
        ElementNode? previous = null;
        foreach (var child in children)
        {
            if (previous is not null && SameProperty(child, previous))
            {
                continue;
            }

            if (child.Definition is not { Order: < 64 } definition || (seen & (1UL << definition.Order)) != 0)
            {
                return false;
            }

            seen |= 1UL << definition.Order;
            previous = child;
        }

        return true;
    }

    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");

    private static bool SameProperty(ElementNode candidate, ElementNode first) =>
        string.Equals(candidate.Name, first.Name, StringComparison.Ordinal)
        && (first.Definition is not { IsChoice: true } || ReferenceEquals(candidate.Type, first.Type));

    private static void WriteProperty(JsonOutput json, in Group group)
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

    private static void WriteName(JsonOutput json, ElementNode first, bool extensionPart)
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
