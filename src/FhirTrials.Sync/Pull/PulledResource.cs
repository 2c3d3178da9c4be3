using System.Text.Json;
using System.Text.RegularExpressions;

namespace FhirTrials.Sync.Pull;

/// <summary>A resource as a server sent it (raw JSON), with what it points at.</summary>
internal sealed partial record PulledResource(string Type, string Id, ReadOnlyMemory<byte> Json, string? Canonical, DateTimeOffset? LastUpdated)
{
    public string Key => Type + "/" + Id;

    /// <summary>Reads a search or read result; null when it lacks a type or id.</summary>
    public static PulledResource? From(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (Text(root, "resourceType") is not { } type || Text(root, "id") is not { } id)
        {
            return null;
        }

        DateTimeOffset? lastUpdated = root.TryGetProperty("meta", out var meta) && Text(meta, "lastUpdated") is { } text
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var when) ? when : null;
        return new PulledResource(type, id, json, type is "PlanDefinition" or "ActivityDefinition" ? Text(root, "url") : null, lastUpdated);
    }

    /// <summary>
    /// Every reference (<c>Type/id</c>, or an absolute URL under <paramref name="serverBase"/>, as <c>Type/id</c>)
    /// and every canonical-looking string (for <c>definitionCanonical</c> and the like) in the resource.
    /// </summary>
    public IEnumerable<(string? Key, string? Canonical)> Targets(string serverBase)
    {
        using var document = JsonDocument.Parse(Json);
        var found = new List<(string?, string?)>();
        Walk(document.RootElement, null, serverBase, found);
        return found;
    }

    private static void Walk(JsonElement element, string? name, string serverBase, List<(string?, string?)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, property.Name, serverBase, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, name, serverBase, found);
                }

                break;
            case JsonValueKind.String when name == "reference":
                if (KeyOf(element.GetString()!, serverBase) is { } key)
                {
                    found.Add((key, null));
                }

                break;
            case JsonValueKind.String when name is not null && name.EndsWith("Canonical", StringComparison.Ordinal):
                var canonical = element.GetString()!;
                var bar = canonical.IndexOf('|', StringComparison.Ordinal);
                found.Add((null, bar < 0 ? canonical : canonical[..bar]));
                break;
            default:
                break;
        }
    }

    /// <summary><c>Type/id</c> of a literal reference to this server; null for contained, urn: and other servers' references.</summary>
    internal static string? KeyOf(string reference, string serverBase)
    {
        var text = reference;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (!text.StartsWith(serverBase + "/", StringComparison.Ordinal))
            {
                return null;
            }

            text = text[(serverBase.Length + 1)..];
        }

        var history = text.IndexOf("/_history/", StringComparison.Ordinal);
        text = history < 0 ? text : text[..history];
        return RelativeReference().IsMatch(text) ? text : null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-\\.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeReference();
}
