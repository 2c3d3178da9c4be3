using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FhirTrials.Server.Indexing;

/// <summary>
/// Folds strings for FHIR string search, which is case- and accent-insensitive: lower-cases
/// (invariant), folds accented Latin letters and ligatures to ASCII (table in
/// <c>Data/accent-folding.json</c>), drops combining marks and collapses runs of white space.
/// </summary>
public static class StringNormalizer
{
    private static readonly FrozenDictionary<char, string> Folding = LoadFolding();

    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StringBuilder? sb = null;
        var lastWasSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var lower = char.ToLowerInvariant(c);
            string? replacement = null;
            var skip = false;
            if (char.IsWhiteSpace(lower))
            {
                skip = lastWasSpace;
                replacement = skip ? null : " ";
                lastWasSpace = true;
            }
            else
            {
                lastWasSpace = false;
                if (lower > 0x7F)
                {
                    if (Folding.TryGetValue(lower, out var folded))
                    {
                        replacement = folded;
                    }
                    else if (CharUnicodeInfo.GetUnicodeCategory(lower) == UnicodeCategory.NonSpacingMark)
                    {
                        skip = true;
                    }
                }
            }

            if (sb is null && (skip || replacement is not null || lower != c))
            {
                sb = new StringBuilder(value.Length);
                sb.Append(value, 0, i);
            }

            if (sb is null || skip)
            {
                continue;
            }

            if (replacement is not null)
            {
                sb.Append(replacement);
            }
            else
            {
                sb.Append(lower);
            }
        }

        return (sb?.ToString() ?? value).Trim();
    }

    private static FrozenDictionary<char, string> LoadFolding()
    {
        using var stream = typeof(StringNormalizer).Assembly.GetManifestResourceStream("FhirTrials.Server.Indexing.accent-folding.json")
            ?? throw new InvalidOperationException("embedded accent-folding.json is missing");
        using var document = JsonDocument.Parse(stream);
        var map = new Dictionary<char, string>();
        foreach (var entry in document.RootElement.GetProperty("fold").EnumerateObject())
        {
            foreach (var letter in entry.Value.GetString()!)
            {
                map[letter] = entry.Name;
            }
        }

        return map.ToFrozenDictionary();
    }
}
