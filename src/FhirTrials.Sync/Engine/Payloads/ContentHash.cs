using System.Security.Cryptography;
using System.Text.Json;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// Hashes that decide what changed: of a mapped bundle's bytes (the mapper's output is deterministic),
/// and of a resource's content in a canonical form (properties sorted; <c>meta.versionId</c>,
/// <c>meta.lastUpdated</c> and <c>meta.source</c> left out) so our copy and the server's compare equal
/// whatever property order and version stamps the server adds.
/// </summary>
public static class ContentHash
{
    private static readonly string[] ServerMeta = ["versionId", "lastUpdated", "source"];

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The canonical content hash of a resource's JSON.</summary>
    public static string OfResource(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        return OfResource(document.RootElement);
    }

    /// <summary>The canonical content hash of a resource.</summary>
    public static string OfResource(JsonElement resource)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, resource, top: true);
        }

        return Of(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element, bool top)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (top && property.NameEquals("meta"))
                    {
                        WriteMeta(writer, property.Value);
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value, top: false);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item, top: false);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteMeta(Utf8JsonWriter writer, JsonElement meta)
    {
        var kept = meta.ValueKind == JsonValueKind.Object
            ? meta.EnumerateObject().Where(p => !ServerMeta.Contains(p.Name, StringComparer.Ordinal)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList()
            : [];
        if (kept.Count == 0)
        {
            return;
        }

        writer.WritePropertyName("meta");
        writer.WriteStartObject();
        foreach (var property in kept)
        {
            writer.WritePropertyName(property.Name);
            WriteCanonical(writer, property.Value, top: false);
        }

        writer.WriteEndObject();
    }
}
