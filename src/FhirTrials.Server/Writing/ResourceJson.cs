using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Server.Writing;

/// <summary>
/// Edits FHIR JSON without a model: sets the server-owned <c>id</c> and <c>meta.versionId</c>/
/// <c>meta.lastUpdated</c>, and rewrites references (a transaction's <c>urn:uuid:</c> fullUrls to the ids
/// assigned). Everything else is copied as is, in order.
/// </summary>
public static class ResourceJson
{
    /// <summary>The instant format of <c>meta.lastUpdated</c> (UTC, milliseconds).</summary>
    public static string FormatInstant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The resource with <c>id</c>, <c>meta.versionId</c> and <c>meta.lastUpdated</c> set (compact JSON).</summary>
    public static byte[] Stamp(ReadOnlyMemory<byte> json, string id, long versionId, DateTimeOffset lastUpdated)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return Write(writer =>
        {
            writer.WriteStartObject();
            if (root.TryGetProperty("resourceType", out var type))
            {
                writer.WritePropertyName("resourceType");
                type.WriteTo(writer);
            }

            writer.WriteString("id", id);
            writer.WritePropertyName("meta");
            writer.WriteStartObject();
            writer.WriteString("versionId", versionId.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("lastUpdated", FormatInstant(lastUpdated));
            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in meta.EnumerateObject())
                {
                    if (property.Name is not ("versionId" or "lastUpdated" or "_versionId" or "_lastUpdated"))
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("resourceType" or "id" or "meta"))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        });
    }

    /// <summary>A copy in which every string value that is a key of <paramref name="map"/> is replaced by its value.</summary>
    public static byte[] ReplaceStrings(ReadOnlyMemory<byte> json, IReadOnlyDictionary<string, string> map)
    {
        using var document = JsonDocument.Parse(json);
        return Write(writer => Copy(document.RootElement, writer, map));
    }

    /// <summary>Every string value in the JSON (for finding references to rewrite).</summary>
    public static IEnumerable<string> Strings(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        var strings = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                strings.Add(reader.GetString()!);
            }
        }

        return strings;
    }

    /// <summary>Re-indents JSON for <c>_pretty=true</c>.</summary>
    public static byte[] Indent(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length * 2);
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(indented: true)))
        {
            document.RootElement.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Copy(JsonElement element, Utf8JsonWriter writer, IReadOnlyDictionary<string, string> map)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Copy(property.Value, writer, map);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Copy(item, writer, map);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when map.TryGetValue(element.GetString()!, out var replacement):
                writer.WriteStringValue(replacement);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(indented: false)))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
