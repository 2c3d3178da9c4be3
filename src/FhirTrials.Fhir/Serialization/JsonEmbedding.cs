using System.Text.Encodings.Web;
using System.Text.Json;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// FHIR JSON written inside a caller's <see cref="Utf8JsonWriter"/>, reading as if the writer had written every
/// token: a compact writer with the relaxed encoder (the serializer's own options, as the server uses) takes it
/// as one raw value; any other writer gets it token by token, so its indentation and encoder apply.
/// </summary>
internal static class JsonEmbedding
{
    public static void Write<T>(Utf8JsonWriter writer, T value, Action<JsonOutput, T> write)
    {
        var options = writer.Options;
        using var output = JsonOutput.Rent(FhirJsonSerializer.WriterOptions(indented: false));
        write(output, value);
        if (!options.Indented && ReferenceEquals(options.Encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping))
        {
            writer.WriteRawValue(output.WrittenSpan, skipInputValidation: true);
            return;
        }

        using var document = JsonDocument.Parse(output.WrittenSpan.ToArray());
        document.RootElement.WriteTo(writer);
    }
}
