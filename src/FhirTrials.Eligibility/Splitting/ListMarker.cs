using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>Kinds of list markers.</summary>
internal enum MarkerKind
{
    Bullet,
    Number,
    Letter,
    Roman,
    Circled,

    /// <summary>A number glued to the text without punctuation ("1moderate ... 218 to 65 years").</summary>
    Glued,
}

/// <summary>A list marker at the start of a line: "*", "-", "•", "1.", "1)", "(1)", "a.", "ii)", "①".</summary>
internal sealed partial record ListMarker(MarkerKind Kind, int Value, string Raw)
{
    /// <summary>Reads the marker at the start of <paramref name="line"/> (already trimmed); rest is the text after it.</summary>
    public static bool TryParse(string line, out ListMarker marker, out string rest)
    {
        marker = null!;
        rest = line;
        if (line.Length == 0)
        {
            return false;
        }

        Match m;
        if ((m = NumberMarker().Match(line)).Success)
        {
            marker = new ListMarker(MarkerKind.Number, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Value.Trim());
        }
        else if ((m = RomanMarker().Match(line)).Success && m.Groups[1].Length > 1)
        {
            marker = new ListMarker(MarkerKind.Roman, RomanValue(m.Groups[1].Value), m.Value.Trim());
        }
        else if ((m = LetterMarker().Match(line)).Success)
        {
            marker = new ListMarker(MarkerKind.Letter, char.ToLowerInvariant(m.Groups[1].Value[0]) - 'a' + 1, m.Value.Trim());
        }
        else if ((m = BulletMarker().Match(line)).Success && !line.StartsWith("**", StringComparison.Ordinal))
        {
            marker = new ListMarker(MarkerKind.Bullet, 0, m.Value.Trim());
        }
        else if (line[0] is >= '\u2460' and <= '\u2473')
        {
            m = CircledMarker().Match(line);
            marker = new ListMarker(MarkerKind.Circled, line[0] - '\u2460' + 1, m.Value.Trim());
        }
        else if ((m = GluedMarker().Match(line)).Success)
        {
            marker = new ListMarker(MarkerKind.Glued, 1, "1");
        }
        else
        {
            return false;
        }

        rest = line[m.Length..].Trim();
        return rest.Length > 0 || marker.Kind != MarkerKind.Glued;
    }

    private static int RomanValue(string roman) =>
        Quantities.NumberParser.TryParseRoman(roman, out var value) ? value : 0;

    [GeneratedRegex(@"^\(?(\d{1,2})\s?[.)\u3001\uFF0E\uFF09](?!\d)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex NumberMarker();

    [GeneratedRegex(@"^\(?(i{1,3}|iv|vi{0,3}|ix|x)[.)]\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RomanMarker();

    [GeneratedRegex(@"^\(?([a-zA-Z])[.)](?:\s+|(?=[A-Z]))", RegexOptions.CultureInvariant)]
    private static partial Regex LetterMarker();

    [GeneratedRegex(@"^[*\-•·+▪◦●○‣⁃■□➢►✓–—]+\s*(?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex BulletMarker();

    [GeneratedRegex(@"^[\u2460-\u2473]\s*", RegexOptions.CultureInvariant)]
    private static partial Regex CircledMarker();

    [GeneratedRegex(@"^1(?=[A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex GluedMarker();
}
