using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>Writes typed resources and element trees as FHIR JSON.</summary>
public static class FhirJsonSerializer
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private static readonly JsonWriterOptions Indented = Compact with { Indented = true };

    /// <summary>Writer options: minimal escaping (non-ASCII stays as is), optionally indented.</summary>
    public static JsonWriterOptions WriterOptions(bool indented) => indented ? Indented : Compact;

    public static void Serialize(Resource resource, Utf8JsonWriter writer) => new FhirJsonWriter(writer).WriteResourceObject(resource);

    public static byte[] SerializeToUtf8Bytes(Resource resource, bool indented = false) =>
        Write(writer => Serialize(resource, writer), indented);

    public static string Serialize(Resource resource, bool indented = false) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(resource, indented));

    public static void Serialize(ElementNode node, Utf8JsonWriter writer) => ElementTreeWriter.WriteObject(writer, node);

    public static byte[] SerializeToUtf8Bytes(ElementNode node, bool indented = false) =>
        Write(writer => Serialize(node, writer), indented);

    public static string Serialize(ElementNode node, bool indented = false) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(node, indented));

    /// <summary>The element tree of a typed resource (written and read back, so it is exactly what a server would see).</summary>
    public static ElementNode ToElementNode(Resource resource, string? sourceName = null) =>
        FhirJsonParser.ParseNode(SerializeToUtf8Bytes(resource), sourceName);

    private static byte[] Write(Action<Utf8JsonWriter> write, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions(indented)))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
