using System.Buffers;
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

    /// <summary>Writes the value as <paramref name="kind"/> asks: booleans and numbers only when the text is one, else a string.</summary>
    public static void Write(Utf8JsonWriter json, ref LexicalText text, JsonRawKind kind)
    {
        if (text.TryGetSource(out var utf8, out var escaped, out var number))
        {
            if (number && kind == JsonRawKind.Number)
            {
                json.WriteRawValue(utf8, skipInputValidation: true);
                return;
            }

            if (kind is JsonRawKind.String or JsonRawKind.None)
            {
                if (escaped)
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
