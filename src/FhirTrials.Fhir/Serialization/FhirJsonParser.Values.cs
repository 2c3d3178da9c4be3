using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

public sealed partial class FhirJsonParser
{
    /// <summary>Reads a primitive's value, checking the JSON type against the FHIR type and the lexical form against R4's rules.</summary>
    private void ReadPrimitive(ref Utf8JsonReader reader, ParseContext context, ElementNode node, FhirTypeInfo type)
    {
        var token = reader.TokenType;
        if (token is not (JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False))
        {
            context.Error(IssueType.Structure, $"{type.Name} is a primitive: expected a JSON value, found {Describe(token)}", node.Location, node.SourceOffset);
            reader.Skip();
            return;
        }

        node.Lexical = PrimitiveToken.Read(ref reader, context.Source);
        switch (PrimitiveToken.Check(ref reader, type, _settings.CheckPrimitiveFormats, out var detail))
        {
            case PrimitiveProblem.WrongJsonType:
                WrongJsonType(context, node, type, Describe(token));
                break;
            case PrimitiveProblem.EmptyString:
                context.Error(IssueType.Value, "empty string: FHIR strings must hold at least one character", node.Location, node.SourceOffset);
                break;
            case PrimitiveProblem.BadFormat:
                context.Error(IssueType.Value, $"'{Shorten(node.Text!)}' is not a valid {type.Name}: {detail}", node.Location, node.SourceOffset);
                break;
            case PrimitiveProblem.NotAnInteger:
                context.Error(IssueType.Value, $"'{node.Text}' is not a valid {type.Name}: expected a whole number between -2147483648 and 2147483647", node.Location, node.SourceOffset);
                break;
            case PrimitiveProblem.NotPositive:
                context.Error(IssueType.Value, $"'{node.Text}' is not a valid positiveInt: it must be 1 or more", node.Location, node.SourceOffset);
                break;
            case PrimitiveProblem.Negative:
                context.Error(IssueType.Value, $"'{node.Text}' is not a valid unsignedInt: it must be 0 or more", node.Location, node.SourceOffset);
                break;
        }
    }

    private static void WrongJsonType(ParseContext context, ElementNode node, FhirTypeInfo type, string found)
    {
        var expected = type.SystemType switch
        {
            "Boolean" => "a JSON boolean (true or false)",
            "Integer" or "Decimal" => "a JSON number",
            _ => "a JSON string",
        };
        context.Error(IssueType.Structure, $"wrong JSON type: {type.Name} is written as {expected}, not {found}", node.Location, node.SourceOffset);
    }

    /// <summary>Keeps an unknown property's value as untyped nodes, so lenient parsing loses nothing.</summary>
    private static void ParseUntypedValue(ref Utf8JsonReader reader, ParseContext context, ElementNode parent, string name, int index, bool inArray)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ParseUntypedValue(ref reader, context, parent, name, i++, inArray: true);
                }

                return;
            case JsonTokenType.Null:
                return;
        }

        var node = new ElementNode(name, null, null, parent) { Index = index, SourceOffset = (int)reader.TokenStartIndex, IsJsonArrayMember = inArray };
        context.Scratch.Add(node);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                ParseUntypedObject(ref reader, context, node);
                break;
            case JsonTokenType.String:
                node.Text = reader.GetString();
                node.RawKind = JsonRawKind.String;
                break;
            case JsonTokenType.Number:
                node.Text = Encoding.UTF8.GetString(reader.ValueSpan);
                node.RawKind = JsonRawKind.Number;
                break;
            default:
                node.Text = reader.TokenType == JsonTokenType.True ? "true" : "false";
                node.RawKind = reader.TokenType == JsonTokenType.True ? JsonRawKind.True : JsonRawKind.False;
                break;
        }
    }

    private static void ParseUntypedObject(ref Utf8JsonReader reader, ParseContext context, ElementNode node)
    {
        var childrenStart = context.Scratch.Count;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            ParseUntypedValue(ref reader, context, node, name, 0, inArray: false);
        }

        node.TakeChildren(context.Scratch, childrenStart);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
