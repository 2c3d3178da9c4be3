using System.Text.Json;

namespace FhirTrials.Sync.Client;

/// <summary>One entry of a Bundle as the server sent it: fullUrl, the resource's raw JSON, search mode and response.</summary>
public sealed record BundleEntry(string? FullUrl, ReadOnlyMemory<byte> Resource, string? ResourceType, string? Id, string? SearchMode, EntryResponse? Response);

/// <summary>An entry's <c>response</c>: status (the leading code of "201 Created"), location, etag, lastModified and outcome JSON.</summary>
public sealed record EntryResponse(int Status, string? Location, string? ETag, string? LastModified, ReadOnlyMemory<byte> Outcome);

/// <summary>Reads Bundles from servers without building the full model: links and entries.</summary>
public static class BundleReader
{
    /// <summary>The <c>next</c> link of a Bundle, verbatim; null when there is none.</summary>
    public static string? NextLink(ReadOnlyMemory<byte> bundle)
    {
        using var document = Parse(bundle);
        if (!document.RootElement.TryGetProperty("link", out var links) || links.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var link in links.EnumerateArray())
        {
            if (link.TryGetProperty("relation", out var relation) && relation.ValueEquals("next")
                && link.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
            {
                return url.GetString();
            }
        }

        return null;
    }

    /// <summary>The entries of a Bundle, in order.</summary>
    public static IReadOnlyList<BundleEntry> Entries(ReadOnlyMemory<byte> bundle)
    {
        using var document = Parse(bundle);
        var entries = new List<BundleEntry>();
        if (!document.RootElement.TryGetProperty("entry", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return entries;
        }

        foreach (var entry in array.EnumerateArray())
        {
            var resource = entry.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            entries.Add(new BundleEntry(
                Text(entry, "fullUrl"),
                resource.ValueKind == JsonValueKind.Object ? JsonSerializer.SerializeToUtf8Bytes(resource) : ReadOnlyMemory<byte>.Empty,
                resource.ValueKind == JsonValueKind.Object ? Text(resource, "resourceType") : null,
                resource.ValueKind == JsonValueKind.Object ? Text(resource, "id") : null,
                entry.TryGetProperty("search", out var search) ? Text(search, "mode") : null,
                entry.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object ? Response(response) : null));
        }

        return entries;
    }

    /// <summary>The Bundle's <c>type</c>.</summary>
    public static string? Type(ReadOnlyMemory<byte> bundle)
    {
        using var document = Parse(bundle);
        return Text(document.RootElement, "type");
    }

    private static EntryResponse Response(JsonElement response)
    {
        var status = Text(response, "status") ?? string.Empty;
        var digits = status.TrimStart();
        var end = 0;
        while (end < digits.Length && char.IsAsciiDigit(digits[end]))
        {
            end++;
        }

        var code = end > 0 ? int.Parse(digits.AsSpan(0, end), System.Globalization.CultureInfo.InvariantCulture) : 0;
        var outcome = response.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.Object ? JsonSerializer.SerializeToUtf8Bytes(o) : ReadOnlyMemory<byte>.Empty;
        return new EntryResponse(code, Text(response, "location"), Text(response, "etag"), Text(response, "lastModified"), outcome);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument Parse(ReadOnlyMemory<byte> bundle)
    {
        try
        {
            return JsonDocument.Parse(bundle, new JsonDocumentOptions { MaxDepth = 512 });
        }
        catch (JsonException ex)
        {
            throw new FhirClientException("the server's answer is not JSON: " + ex.Message, ex);
        }
    }
}
