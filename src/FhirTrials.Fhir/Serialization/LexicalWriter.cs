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

    // The escapes the relaxed encoder writes in their two-character form (\" \\ \n ...), asked of the encoder itself.
    private static readonly bool[] RelaxedShortEscapes = ShortEscapesOf(Relaxed);

    /// <summary>Writes the value as <paramref name="kind"/> asks: booleans and numbers only when the text is one, else a string.</summary>
    public static void Write(Utf8JsonWriter json, ref LexicalText text, JsonRawKind kind)
    {
        if (text.TryGetSource(out var utf8, out var escaped))
        {
            if (kind == JsonRawKind.Number && text.Kind == JsonRawKind.Number)
            {
                json.WriteRawValue(utf8, skipInputValidation: true);
                return;
            }

            if (kind is JsonRawKind.String or JsonRawKind.None)
            {
                if (escaped && ReferenceEquals(json.Options.Encoder, Relaxed) && IsAsRelaxedWriterEscapes(utf8))
                {
                    json.WriteRawValue(text.QuotedSource(), skipInputValidation: true);
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
                json.WriteBooleanValue(value == "true");
                break;
            case JsonRawKind.Number when JsonNumber.IsValid(value):
                json.WriteRawValue(value, skipInputValidation: true);
                break;
            default:
                json.WriteStringValue(value);
                break;
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

    private static bool[] ShortEscapesOf(JavaScriptEncoder encoder)
    {
        var table = new bool[256];
        foreach (var (letter, value) in new[] { ('"', '"'), ('\\', '\\'), ('/', '/'), ('b', '\b'), ('f', '\f'), ('n', '\n'), ('r', '\r'), ('t', '\t') })
        {
            var encoded = JsonEncodedText.Encode(value.ToString(), encoder).EncodedUtf8Bytes;
            table[letter] = encoded.Length == 2 && encoded[0] == (byte)'\\' && encoded[1] == (byte)letter;
        }

        return table;
    }

    private static void WriteUnescaped(Utf8JsonWriter json, in LexicalText text)
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
