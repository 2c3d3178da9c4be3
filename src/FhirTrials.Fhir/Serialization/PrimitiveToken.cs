using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Primitives;

namespace FhirTrials.Fhir.Serialization;

/// <summary>What is wrong with a primitive's JSON value (the tree parser words it, the direct reader gives up).</summary>
internal enum PrimitiveProblem
{
    None,

    /// <summary>An object, array or null where a value belongs.</summary>
    NotAValue,

    /// <summary>A string for a boolean or number, a number for a string, …</summary>
    WrongJsonType,
    EmptyString,

    /// <summary>The string breaks the type's lexical rule (the detail says how).</summary>
    BadFormat,
    NotAnInteger,
    NotPositive,
    Negative,
}

/// <summary>
/// The one place that decides whether the JSON token a reader stands on is a valid value of a FHIR
/// primitive type, and how its lexical form is kept; shared by the element-tree parser and the direct
/// typed reader so both accept exactly the same values.
/// </summary>
internal static class PrimitiveToken
{
    /// <summary>Checks the JSON type against the FHIR type and the lexical form against R4's rules, without moving the reader.</summary>
    public static PrimitiveProblem Check(ref Utf8JsonReader reader, FhirTypeInfo type, bool checkFormats, out string? detail)
    {
        detail = null;
        var system = type.SystemType;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (system is "Boolean" or "Integer" or "Decimal")
                {
                    return PrimitiveProblem.WrongJsonType;
                }

                if (reader.ValueSpan.Length == 0)
                {
                    return PrimitiveProblem.EmptyString;
                }

                if (checkFormats && type.LexicalRule is { } rule && CheckLexical(ref reader, rule) is { } problem)
                {
                    detail = problem;
                    return PrimitiveProblem.BadFormat;
                }

                return PrimitiveProblem.None;
            case JsonTokenType.Number:
                return system switch
                {
                    "Integer" => CheckInteger(type, reader.ValueSpan),
                    "Decimal" => PrimitiveProblem.None,
                    _ => PrimitiveProblem.WrongJsonType,
                };
            case JsonTokenType.True or JsonTokenType.False:
                return system == "Boolean" ? PrimitiveProblem.None : PrimitiveProblem.WrongJsonType;
            default:
                return PrimitiveProblem.NotAValue;
        }
    }

    /// <summary>
    /// The value of the string, number or boolean token the reader stands on: a slice of the source,
    /// decoded only if someone reads it. Strings with <c>\u</c> escapes are decoded now, so that a broken
    /// surrogate pair is reported here.
    /// </summary>
    public static LexicalText Read(ref Utf8JsonReader reader, SourceText source)
    {
        var kind = reader.TokenType switch
        {
            JsonTokenType.String => JsonRawKind.String,
            JsonTokenType.Number => JsonRawKind.Number,
            JsonTokenType.True => JsonRawKind.True,
            _ => JsonRawKind.False,
        };
        if (kind is JsonRawKind.True or JsonRawKind.False)
        {
            return LexicalText.FromString(kind == JsonRawKind.True ? "true" : "false", kind);
        }

        var escaped = reader.ValueIsEscaped;
        var length = reader.ValueSpan.Length;
        if ((escaped && reader.ValueSpan.IndexOf("\\u"u8) >= 0) || length > LexicalText.MaxSliceLength)
        {
            return LexicalText.FromString(kind == JsonRawKind.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString(), kind);
        }

        var start = (int)reader.TokenStartIndex + (kind == JsonRawKind.Number ? 0 : 1);
        return LexicalText.FromSource(source, start, length, escaped, kind);
    }

    private static PrimitiveProblem CheckInteger(FhirTypeInfo type, ReadOnlySpan<byte> utf8)
    {
        if (!int.TryParse(utf8, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return PrimitiveProblem.NotAnInteger;
        }

        return type.Name switch
        {
            "positiveInt" when value < 1 => PrimitiveProblem.NotPositive,
            "unsignedInt" when value < 0 => PrimitiveProblem.Negative,
            _ => PrimitiveProblem.None,
        };
    }

    /// <summary>Applies a lexical rule to the string the reader stands on, unescaped into a buffer, without allocating a string.</summary>
    private static string? CheckLexical(ref Utf8JsonReader reader, LexicalRule rule)
    {
        const int StackLimit = 256;
        var length = reader.ValueSpan.Length;
        char[]? rented = null;
        // Unescaped, a string has at most as many characters as its UTF-8 bytes: a buffer of that size, zeroed no further.
        var buffer = length <= StackLimit ? stackalloc char[length] : (rented = ArrayPool<char>.Shared.Rent(length));
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
}
