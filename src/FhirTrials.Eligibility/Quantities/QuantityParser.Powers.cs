using System.Globalization;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>Powers of ten: "x10^9", "×10⁹", "10E9", "x109" (lost superscript), "75.010^9" (lost multiplication sign).</summary>
internal static partial class QuantityParser
{
    private static bool IsGarbledPower(string text, ReadOnlySpan<char> digits, int pos)
    {
        var dot = digits.IndexOf('.');
        return dot > 0 && digits.Length - dot - 1 >= 3 && digits.EndsWith("10") && digits.Count(',') == 0
            && pos < text.Length && (text[pos] == '^' || NumberParser.SuperscriptDigit(text[pos]) >= 0);
    }

    private static bool TryReadPower(string text, int pos, out int exponent, out int end)
    {
        exponent = 0;
        end = pos;
        var p = SkipSpaces(text, pos);
        var multiplied = p < text.Length && text[p] is 'x' or 'X' or '×' or '*';
        if (multiplied)
        {
            p = SkipSpaces(text, p + 1);
        }

        if (p + 1 >= text.Length || text[p] != '1' || text[p + 1] != '0')
        {
            return false;
        }

        p += 2;
        if (TryReadExponent(text, p, out exponent, out end))
        {
            return true;
        }

        if (!multiplied || p >= text.Length || !char.IsAsciiDigit(text[p]))
        {
            return false;
        }

        var q = p;
        while (q < text.Length && char.IsAsciiDigit(text[q]))
        {
            q++;
        }

        if (!int.TryParse(text.AsSpan(p, q - p), NumberStyles.None, CultureInfo.InvariantCulture, out exponent)
            || exponent is not (3 or 6 or 9 or 12) || (q < text.Length && char.IsLetterOrDigit(text[q]) && text[q] != 'L' && text[q] != 'l'))
        {
            return false;
        }

        end = q;
        return true;
    }

    private static bool TryReadExponent(string text, int p, out int exponent, out int end)
    {
        exponent = 0;
        end = p;
        if (p >= text.Length)
        {
            return false;
        }

        if (NumberParser.SuperscriptDigit(text[p]) >= 0)
        {
            while (p < text.Length && NumberParser.SuperscriptDigit(text[p]) is var d and >= 0)
            {
                exponent = (exponent * 10) + d;
                p++;
            }

            end = p;
            return true;
        }

        if (text[p] is '^' or 'E' or 'e' or '*' && p + 1 < text.Length)
        {
            var q = p + 1;
            if (text[p] == '^' && q < text.Length && text[q] == ' ')
            {
                q++;
            }

            var digitsStart = q;
            while (q < text.Length && char.IsAsciiDigit(text[q]))
            {
                q++;
            }

            if (q > digitsStart && q - digitsStart <= 2)
            {
                exponent = int.Parse(text.AsSpan(digitsStart, q - digitsStart), NumberStyles.None, CultureInfo.InvariantCulture);
                end = q;
                return true;
            }
        }

        return false;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        return p;
    }
}
