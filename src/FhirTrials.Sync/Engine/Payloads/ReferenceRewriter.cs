using System.Text.Json;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// Rewrites a resource's references to other entries of its transaction (their fullUrls, e.g.
/// <c>urn:uuid:…</c>) into the server's <c>Type/id</c>, as the server did when it stored them.
/// </summary>
public static class ReferenceRewriter
{
    /// <summary>The resource JSON with every string equal to a key of <paramref name="addresses"/> replaced by its value.</summary>
    public static byte[] Resolve(ReadOnlyMemory<byte> resource, IReadOnlyDictionary<string, string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        using var document = JsonDocument.Parse(resource, new JsonDocumentOptions { MaxDepth = 512 });
        using var buffer = new MemoryStream(resource.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, document.RootElement, addresses);
        }

        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, IReadOnlyDictionary<string, string> addresses)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, addresses);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, addresses);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when addresses.Count > 0 && addresses.TryGetValue(element.GetString()!, out var address):
                writer.WriteStringValue(address);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
