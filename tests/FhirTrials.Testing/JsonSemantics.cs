using System.Text.Json;

namespace FhirTrials.Testing;

/// <summary>
/// Compares two JSON documents as data: object property order is free, everything else must match,
/// numbers by their exact text (so <c>1.50</c> differs from <c>1.5</c>).
/// </summary>
public static class JsonSemantics
{
    /// <summary>The first difference as "path: what", or null when the documents are semantically identical.</summary>
    public static string? Diff(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        using var a = JsonDocument.Parse(expected.ToArray());
        using var b = JsonDocument.Parse(actual.ToArray());
        return Diff(a.RootElement, b.RootElement, "$");
    }

    public static string? Diff(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, got {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProps = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var prop in expected.EnumerateObject())
                {
                    if (!actualProps.Remove(prop.Name, out var value))
                    {
                        return $"{path}.{prop.Name}: missing";
                    }

                    if (Diff(prop.Value, value, $"{path}.{prop.Name}") is { } d)
                    {
                        return d;
                    }
                }

                return actualProps.Count == 0 ? null : $"{path}: unexpected {string.Join(", ", actualProps.Keys)}";
            case JsonValueKind.Array:
                var ea = expected.EnumerateArray().ToList();
                var aa = actual.EnumerateArray().ToList();
                if (ea.Count != aa.Count)
                {
                    return $"{path}: expected {ea.Count} items, got {aa.Count}";
                }

                for (var i = 0; i < ea.Count; i++)
                {
                    if (Diff(ea[i], aa[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case JsonValueKind.String:
                return expected.GetString() == actual.GetString() ? null : $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}
