using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

public sealed partial class FhirJsonParser
{
    /// <summary>Reads the properties of the object the reader stands on into <paramref name="node"/>, typed by <paramref name="type"/>.</summary>
    private void ParseMembers(ref Utf8JsonReader reader, ParseContext context, ElementNode node, FhirTypeInfo type, bool isResource)
    {
        var objectOffset = reader.TokenStartIndex;
        var childrenStart = context.Scratch.Count;
        var seen = default(SeenProperties);
        var members = 0;
        var pendingNulls = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            members++;
            var propertyOffset = reader.TokenStartIndex;
            if (isResource && reader.ValueTextEquals("resourceType"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            if (!TryGetProperty(ref reader, type, out var property))
            {
                var unknown = reader.GetString()!;
                context.Error(IssueType.Structure, $"unknown element '{unknown}' in {type.Name}", $"{node.Location}.{unknown}", propertyOffset);
                reader.Read();
                ParseUntypedValue(ref reader, context, node, unknown, 0, inArray: false);
                continue;
            }

            reader.Read();
            var element = property.Element;
            var otherPartSeen = seen.Has(element.Order, !property.IsExtensionPart);
            if (!seen.Mark(element.Order, property.IsExtensionPart))
            {
                ReportRepeatedProperty(context, node, childrenStart, property, propertyOffset);
            }

            var state = new PropertyState(property, propertyOffset, otherPartSeen, childrenStart);
            ParseProperty(ref reader, context, node, state, ref pendingNulls);
        }

        if (members == 0)
        {
            context.Error(IssueType.Structure, "empty object: FHIR JSON never contains empty objects", node.Location, objectOffset);
        }

        if (pendingNulls)
        {
            RemoveUnmatchedNulls(context, childrenStart);
        }

        node.TakeChildren(context.Scratch, childrenStart);
    }

    internal static bool TryGetProperty(ref Utf8JsonReader reader, FhirTypeInfo type, out FhirJsonProperty property) =>
        reader.ValueIsEscaped ? type.TryGetJsonProperty(reader.GetString()!, out property) : type.TryGetJsonProperty(reader.ValueSpan, out property);

    private void ParseProperty(ref Utf8JsonReader reader, ParseContext context, ElementNode parent, in PropertyState state, ref bool pendingNulls)
    {
        var element = state.Property.Element;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            if (!element.IsCollection)
            {
                var jsonName = JsonNameOf(state.Property);
                context.Error(IssueType.Structure, $"'{jsonName}' must not be an array: {element.Path} has at most one value", $"{parent.Location}.{jsonName}", state.Offset);
            }

            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                ParseItem(ref reader, context, parent, state, index++, inArray: true, ref pendingNulls);
            }

            if (index == 0)
            {
                var jsonName = JsonNameOf(state.Property);
                context.Error(IssueType.Structure, $"empty array '{jsonName}': FHIR JSON never contains empty arrays", $"{parent.Location}.{jsonName}", state.Offset);
            }

            return;
        }

        if (element.IsCollection && reader.TokenType != JsonTokenType.Null)
        {
            var jsonName = JsonNameOf(state.Property);
            context.Error(IssueType.Structure, $"'{jsonName}' must be an array: {element.Path} repeats", $"{parent.Location}.{jsonName}", state.Offset);
        }

        ParseItem(ref reader, context, parent, state, 0, inArray: false, ref pendingNulls);
    }

    private static string JsonNameOf(FhirJsonProperty property) => (property.IsExtensionPart ? "_" : string.Empty) + property.JsonName;

    private void ParseItem(ref Utf8JsonReader reader, ParseContext context, ElementNode parent, in PropertyState state, int index, bool inArray, ref bool pendingNulls)
    {
        var property = state.Property;
        var type = property.Type;
        var token = reader.TokenType;
        var offset = inArray ? reader.TokenStartIndex : state.Offset;
        if (token == JsonTokenType.Null)
        {
            if (!inArray || !type.IsPrimitive)
            {
                context.Error(IssueType.Structure, "null is not a FHIR value (only primitive arrays use null, as placeholders)", $"{parent.Location}.{property.JsonName}", offset);
            }
            else if (!property.IsExtensionPart)
            {
                GetOrCreate(context, parent, state, index, inArray, offset);
                pendingNulls = true;
            }

            return;
        }

        if (property.IsExtensionPart)
        {
            if (token != JsonTokenType.StartObject)
            {
                context.Error(IssueType.Structure, $"'_{property.JsonName}' must hold objects with id and extension", $"{parent.Location}._{property.JsonName}", offset);
                reader.Skip();
                return;
            }

            ParseMembers(ref reader, context, GetOrCreate(context, parent, state, index, inArray, offset), type, isResource: false);
            return;
        }

        if (type.IsPrimitive)
        {
            ReadPrimitive(ref reader, context, GetOrCreate(context, parent, state, index, inArray, offset), type);
            return;
        }

        if (token != JsonTokenType.StartObject)
        {
            context.Error(IssueType.Structure, $"'{property.JsonName}' must be an object ({type.InstanceTypeName}), found {Describe(token)}", $"{parent.Location}.{property.JsonName}", offset);
            reader.Skip();
            return;
        }

        if (type.IsResource)
        {
            context.Scratch.Add(ParseResource(ref reader, context, parent, property.Element, index, inArray));
            return;
        }

        var child = new ElementNode(property.Binding, parent) { Index = index, SourceOffset = (int)offset, IsJsonArrayMember = inArray };
        context.Scratch.Add(child);
        ParseMembers(ref reader, context, child, type, isResource: false);
    }

    /// <summary>The node a primitive's value or <c>_name</c> part goes into: the one its other part created, or a new one.</summary>
    private static ElementNode GetOrCreate(ParseContext context, ElementNode parent, in PropertyState state, int index, bool inArray, long offset)
    {
        var element = state.Property.Element;
        if (state.OtherPartSeen)
        {
            var scratch = context.Scratch;
            for (var i = state.ChildrenStart; i < scratch.Count; i++)
            {
                var existing = scratch[i];
                if (ReferenceEquals(existing.Definition, element) && existing.Index == index)
                {
                    if (ReferenceEquals(existing.Type, state.Property.Type))
                    {
                        return existing;
                    }

                    context.Error(IssueType.Structure, $"'{state.Property.JsonName}' does not match '{existing.JsonName}': both parts of a primitive must name the same type", existing.Location, offset);
                    break;
                }
            }
        }

        var node = new ElementNode(state.Property.Binding, parent) { Index = index, SourceOffset = (int)offset, IsJsonArrayMember = inArray };
        context.Scratch.Add(node);
        return node;
    }

    private static void ReportRepeatedProperty(ParseContext context, ElementNode parent, int childrenStart, FhirJsonProperty property, long offset)
    {
        var previous = context.Scratch.Skip(childrenStart).FirstOrDefault(c => ReferenceEquals(c.Definition, property.Element));
        if (property.Element.IsChoice && previous is not null && previous.JsonName != property.JsonName)
        {
            context.Error(IssueType.Structure, $"{property.Element.Path} allows one type only, but has both '{previous.JsonName}' and '{property.JsonName}'", parent.Location + "." + property.JsonName, offset);
        }
        else
        {
            context.Error(IssueType.Structure, $"duplicate property '{(property.IsExtensionPart ? "_" : string.Empty)}{property.JsonName}'", parent.Location + "." + property.JsonName, offset);
        }
    }

    private static void RemoveUnmatchedNulls(ParseContext context, int childrenStart)
    {
        var children = context.Scratch;
        var removed = children.Skip(childrenStart).Where(c => c.IsPrimitive && c.IsEmpty).ToList();
        foreach (var node in removed)
        {
            context.Error(IssueType.Structure, $"null at '{node.JsonName}[{node.Index}]' has no matching value in '_{node.JsonName}'", node.Location, node.SourceOffset);
            children.Remove(node);
        }

        foreach (var name in removed.Select(n => n.Name).Distinct(StringComparer.Ordinal))
        {
            var index = 0;
            foreach (var child in children.Skip(childrenStart).Where(c => c.Name == name))
            {
                child.Index = index++;
            }
        }
    }

    /// <summary>The properties of one parsed JSON property: what it maps to, where it stands, and whether its other primitive part came first.</summary>
    private readonly record struct PropertyState(FhirJsonProperty Property, long Offset, bool OtherPartSeen, int ChildrenStart);
}
