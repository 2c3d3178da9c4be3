using System.Text.Json;

namespace FhirTrials.Fhir.Packages;

/// <summary>One resource of a package as <c>.index.json</c> lists it.</summary>
public sealed record PackageIndexEntry(string FileName, string ResourceType, string? Id, string? Url, string? Version, string? Kind, string? Type)
{
    /// <summary>Reads the entries of an <c>.index.json</c>.</summary>
    public static List<PackageIndexEntry> ParseIndex(ReadOnlySpan<byte> json)
    {
        var entries = new List<PackageIndexEntry>();
        using var doc = JsonDocument.Parse(json.ToArray());
        if (!doc.RootElement.TryGetProperty("files", out var files))
        {
            return entries;
        }

        foreach (var file in files.EnumerateArray())
        {
            string? Get(string name) => file.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (Get("filename") is { } fileName && Get("resourceType") is { } resourceType)
            {
                entries.Add(new PackageIndexEntry(fileName, resourceType, Get("id"), Get("url"), Get("version"), Get("kind"), Get("type")));
            }
        }

        return entries;
    }

    /// <summary>Builds an entry by reading the top-level properties of a resource file (for packages without an index).</summary>
    public static PackageIndexEntry? Scan(string fileName, ReadOnlySpan<byte> json)
    {
        string? resourceType = null, id = null, url = null, version = null, kind = null, type = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    var value = reader.GetString();
                    switch (name)
                    {
                        case "resourceType": resourceType = value; break;
                        case "id": id = value; break;
                        case "url": url = value; break;
                        case "version": version = value; break;
                        case "kind": kind = value; break;
                        case "type": type = value; break;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return resourceType is null ? null : new PackageIndexEntry(fileName, resourceType, id, url, version, kind, type);
    }
}
