using System.Text.Json;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>One entry of a transaction to send: fullUrl, request and resource (none for DELETE).</summary>
public sealed record OutgoingEntry(string? FullUrl, string Method, string Url, string? IfMatch, string? IfNoneExist, ReadOnlyMemory<byte> Resource)
{
    /// <summary>The resource type and id the entry is about (the id as sent; a server may choose another for creates).</summary>
    public (string Type, string? Id) Target { get; init; }
}

/// <summary>Writes transaction Bundles from entries whose resources are already JSON (copied as they are).</summary>
public static class TransactionBundle
{
    public static byte[] Write(IEnumerable<OutgoingEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "transaction");
            writer.WriteStartArray("entry");
            foreach (var entry in entries)
            {
                writer.WriteStartObject();
                if (entry.FullUrl is not null)
                {
                    writer.WriteString("fullUrl", entry.FullUrl);
                }

                if (!entry.Resource.IsEmpty)
                {
                    writer.WritePropertyName("resource");
                    writer.WriteRawValue(entry.Resource.Span, skipInputValidation: true);
                }

                writer.WriteStartObject("request");
                writer.WriteString("method", entry.Method);
                writer.WriteString("url", entry.Url);
                if (entry.IfMatch is not null)
                {
                    writer.WriteString("ifMatch", entry.IfMatch);
                }

                if (entry.IfNoneExist is not null)
                {
                    writer.WriteString("ifNoneExist", entry.IfNoneExist);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The resource JSON with its <c>id</c> set to <paramref name="id"/> (when the server gave it another id than ours).</summary>
    public static byte[] WithId(ReadOnlyMemory<byte> resource, string id) => WithProperty(resource, "id", id);

    /// <summary>The resource JSON with the top-level string property <paramref name="name"/> set to <paramref name="value"/>, other properties in place.</summary>
    public static byte[] WithProperty(ReadOnlyMemory<byte> resource, string name, string value)
    {
        using var document = JsonDocument.Parse(resource);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var written = false;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.NameEquals(name))
                {
                    writer.WriteString(name, value);
                    written = true;
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            if (!written)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
