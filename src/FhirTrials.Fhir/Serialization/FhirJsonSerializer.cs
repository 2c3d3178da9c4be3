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

    /// <summary>Writes the resource as the next value of <paramref name="writer"/> (a property's value or an array item).</summary>
    public static void Serialize(Resource resource, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(writer);
        JsonEmbedding.Write(writer, resource, static (output, r) => new FhirJsonWriter(output).WriteResourceObject(r));
    }

    public static byte[] SerializeToUtf8Bytes(Resource resource, bool indented = false)
    {
        using var lease = SerializePooled(resource, indented);
        return lease.Span.ToArray();
    }

    /// <summary>
    /// The FHIR JSON of <paramref name="resource"/> in this thread's reusable buffer: read the bytes before
    /// disposing the lease (for a writer that copies them out, e.g. into a file or a pooled array).
    /// </summary>
    public static SerializedJson SerializePooled(Resource resource, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var output = JsonOutput.Rent(WriterOptions(indented));
        new FhirJsonWriter(output).WriteResourceObject(resource);
        return new SerializedJson(output);
    }

    public static string Serialize(Resource resource, bool indented = false)
    {
        using var lease = SerializePooled(resource, indented);
        return Encoding.UTF8.GetString(lease.Span);
    }

    public static void Serialize(ElementNode node, Utf8JsonWriter writer) => ElementTreeWriter.WriteObject(writer, node);

    public static byte[] SerializeToUtf8Bytes(ElementNode node, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(node);
        using var output = JsonOutput.Rent(WriterOptions(indented));
        ElementTreeWriter.WriteObject(output, node);
        return output.WrittenSpan.ToArray();
    }

    public static string Serialize(ElementNode node, bool indented = false) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(node, indented));

    /// <summary>The element tree of a typed resource (written and read back, so it is exactly what a server would see).</summary>
    public static ElementNode ToElementNode(Resource resource, string? sourceName = null) =>
        FhirJsonParser.ParseNode(SerializeToUtf8Bytes(resource), sourceName);
}
