using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Primitives;

namespace FhirTrials.Fhir.Serialization;

public sealed partial class FhirJsonParser
{
    /// <summary>Reads a primitive's value, checking the JSON type against the FHIR type and the lexical form against R4's rules.</summary>
    private void ReadPrimitive(ref Utf8JsonReader reader, ParseContext context, ElementNode node, FhirTypeInfo type)
    {
        var system = type.SystemType;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                KeepSource(ref reader, context, node, JsonRawKind.String);
                if (system is "Boolean" or "Integer" or "Decimal")
                {
                    WrongJsonType(context, node, type, "a string");
                }
                else if (reader.ValueSpan.Length == 0)
                {
                    context.Error(IssueType.Value, "empty string: FHIR strings must hold at least one character", node.Location, node.SourceOffset);
                }
                else if (_settings.CheckPrimitiveFormats && type.LexicalRule is { } rule && CheckLexical(ref reader, rule) is { } problem)
                {
                    context.Error(IssueType.Value, $"'{Shorten(node.Text!)}' is not a valid {type.Name}: {problem}", node.Location, node.SourceOffset);
                }

                break;
            case JsonTokenType.Number:
                KeepSource(ref reader, context, node, JsonRawKind.Number);
                if (system == "Integer")
                {
                    CheckInteger(context, node, type, reader.ValueSpan);
                }
                else if (system != "Decimal")
                {
                    WrongJsonType(context, node, type, "a number");
                }

                break;
            case JsonTokenType.True or JsonTokenType.False:
                var value = reader.TokenType == JsonTokenType.True;
                node.Text = value ? "true" : "false";
                node.RawKind = value ? JsonRawKind.True : JsonRawKind.False;
                if (system != "Boolean")
                {
                    WrongJsonType(context, node, type, "a boolean");
                }

                break;
            default:
                context.Error(IssueType.Structure, $"{type.Name} is a primitive: expected a JSON value, found {Describe(reader.TokenType)}", node.Location, node.SourceOffset);
                reader.Skip();
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

    private static void CheckInteger(ParseContext context, ElementNode node, FhirTypeInfo type, ReadOnlySpan<byte> utf8)
    {
        if (!int.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            context.Error(IssueType.Value, $"'{node.Text}' is not a valid {type.Name}: expected a whole number between -2147483648 and 2147483647", node.Location, node.SourceOffset);
        }
        else if (type.Name == "positiveInt" && value < 1)
        {
            context.Error(IssueType.Value, $"'{node.Text}' is not a valid positiveInt: it must be 1 or more", node.Location, node.SourceOffset);
        }
        else if (type.Name == "unsignedInt" && value < 0)
        {
            context.Error(IssueType.Value, $"'{node.Text}' is not a valid unsignedInt: it must be 0 or more", node.Location, node.SourceOffset);
        }
    }

    /// <summary>
    /// Keeps the value as a slice of the source, decoded only if someone reads it. Escaped strings with
    /// <c>\u</c> escapes are decoded now, so that a broken surrogate pair is reported here.
    /// </summary>
    private static void KeepSource(ref Utf8JsonReader reader, ParseContext context, ElementNode node, JsonRawKind kind)
    {
        var escaped = reader.ValueIsEscaped;
        var length = reader.ValueSpan.Length;
        if ((escaped && reader.ValueSpan.IndexOf("\\u"u8) >= 0) || length > LexicalText.MaxSliceLength)
        {
            node.Text = kind == JsonRawKind.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString();
            node.RawKind = kind;
            return;
        }

        var start = (int)reader.TokenStartIndex + (kind == JsonRawKind.Number ? 0 : 1);
        node.Lexical = LexicalText.FromSource(context.Source, start, length, escaped, kind);
    }

    /// <summary>Applies a lexical rule to the string the reader stands on, unescaped into a buffer, without allocating a string.</summary>
    private static string? CheckLexical(ref Utf8JsonReader reader, LexicalRule rule)
    {
        const int StackLimit = 256;
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(buffer);
            return rule(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
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
