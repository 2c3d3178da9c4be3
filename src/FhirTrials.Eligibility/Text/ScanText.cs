namespace FhirTrials.Eligibility.Text;

/// <summary>
/// Maps look-alike characters one-to-one onto the forms the lexicon uses (full-width forms, CJK punctuation,
/// dashes, compatibility comparators), so offsets in the mapped text equal offsets in the original.
/// </summary>
internal static class ScanText
{
    public static string Map(string text)
    {
        var firstNonAscii = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        var needsMapping = false;
        for (var i = Math.Max(firstNonAscii, 0); firstNonAscii >= 0 && i < text.Length; i++)
        {
            if (MapChar(text[i]) != text[i])
            {
                needsMapping = true;
                break;
            }
        }

        if (!needsMapping)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = MapChar(source[i]);
            }
        });
    }

    public static char MapChar(char c)
    {
        if (c < 0x80)
        {
            return c;
        }

        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            return (char)(c - 0xFEE0);
        }

        return c switch
        {
            '\u3001' or '\uFF64' => ',',
            '\u3002' => '.',
            '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
            '\u2267' => '≥',
            '\u2266' => '≤',
            '\u02C2' => '<',
            '\u02C3' => '>',
            '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\u202F' or '\u3000' => ' ',
            '\u2018' or '\u2019' or '\u2032' => '\'',
            '\u201C' or '\u201D' => '"',
            '\u03BC' => 'µ',
            '\u00D7' or '\u2715' or '\u2716' => '×',
            _ => c,
        };
    }
}
