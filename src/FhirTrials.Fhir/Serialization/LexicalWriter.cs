using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Writes a primitive's lexical value as a JSON string, number or boolean, for both the element tree
/// and the typed classes. A value still held as source bytes is copied as UTF-8: numbers verbatim,
/// strings through the writer's own escaping, so the output is the same as if it had been decoded.
/// </summary>
internal static class LexicalWriter
{
    private const int StackLimit = 256;
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    // The letters of the escapes the relaxed encoder writes in their two-character form (\" \\ \n ...).
    private static readonly bool[] RelaxedShortEscapes = LettersOf(JsonOutput.ShortEscapes);

    /// <summary>Writes the value as <paramref name="kind"/> asks: booleans and numbers only when the text is one, else a string.</summary>
    public static void Write(JsonOutput json, ref LexicalText text, JsonRawKind kind) => Write(json, default, ref text, kind);

    /// <summary>
    /// Writes property <paramref name="name"/> (none when default) with the value: a value built in code goes out
    /// with its name in one writer call, which is most of what a mapper writes.
    /// </summary>
    public static void Write(JsonOutput json, JsonEncodedText name, ref LexicalText text, JsonRawKind kind)
    {
        var named = name.EncodedUtf8Bytes.Length > 0;
        if (text.TryGetSource(out var utf8, out var escaped))
        {
            if (kind == JsonRawKind.Number && text.Kind == JsonRawKind.Number)
            {
                WriteName(json, name, named);
                json.WriteRawValue(utf8);
                return;
            }

            if (kind is JsonRawKind.String or JsonRawKind.None)
            {
                WriteName(json, name, named);
                if (escaped && IsAsRelaxedWriterEscapes(utf8))
                {
                    json.WriteRawValue(text.QuotedSource());
                }
                else if (escaped)
                {
                    WriteUnescaped(json, text);
                }
                else
                {
                    json.WriteStringValue(utf8);
                }

                return;
            }
        }

        var value = text.Get()!;
        switch (kind)
        {
            case JsonRawKind.True or JsonRawKind.False when value is "true" or "false":
                if (named)
                {
                    json.WriteBoolean(name, value == "true");
                }
                else
                {
                    json.WriteBooleanValue(value == "true");
                }

                break;
            case JsonRawKind.Number when JsonNumber.IsValid(value):
                WriteName(json, name, named);
                json.WriteRawValue(value);
                break;
            default:
                if (named)
                {
                    json.WriteString(name, value);
                }
                else
                {
                    json.WriteStringValue(value);
                }

                break;
        }
    }

    private static void WriteName(JsonOutput json, JsonEncodedText name, bool named)
    {
        if (named)
        {
            json.WritePropertyName(name);
        }
    }

    /// <summary>
    /// True when an escaped source string is byte for byte what the relaxed writer would produce from its
    /// value: only the encoder's own two-character escapes, and nothing else it would escape. (Values with
    /// <c>\u</c> escapes never get here: the parser decodes them.)
    /// </summary>
    private static bool IsAsRelaxedWriterEscapes(ReadOnlySpan<byte> content)
    {
        while (true)
        {
            var i = Relaxed.FindFirstCharacterToEncodeUtf8(content);
            if (i < 0)
            {
                return true;
            }

            if (content[i] != (byte)'\\' || i + 1 >= content.Length || !RelaxedShortEscapes[content[i + 1]])
            {
                return false;
            }

            content = content[(i + 2)..];
        }
    }

    private static bool[] LettersOf(byte[] shortEscapes)
    {
        var letters = new bool[256];
        foreach (var letter in shortEscapes)
        {
            letters[letter] = letter != 0;
        }

        return letters;
    }

    private static void WriteUnescaped(JsonOutput json, in LexicalText text)
    {
        var reader = text.EscapedStringReader();
        var length = reader.ValueSpan.Length;
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = reader.CopyString(buffer);
            json.WriteStringValue(buffer[..written]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
