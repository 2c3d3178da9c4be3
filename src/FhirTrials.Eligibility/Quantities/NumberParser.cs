using System.Globalization;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>
/// Reads the numbers of eligibility texts: decimal points and decimal commas ("3,5"), thousands separators
/// ("100,000"), superscript digits ("10⁹") and Roman numerals ("II-IV").
/// </summary>
internal static class NumberParser
{
    /// <summary>Parses a digit run with inner '.' or ',' separators, as the tokenizer emits it.</summary>
    public static bool TryParse(ReadOnlySpan<char> digits, out decimal value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        var commas = digits.Count(',');
        var dots = digits.Count('.');
        if (commas == 0)
        {
            return dots <= 1 && decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        if (dots == 0 && IsThousandsGrouping(digits))
        {
            Span<char> buffer = stackalloc char[digits.Length];
            var n = 0;
            foreach (var c in digits)
            {
                if (c != ',')
                {
                    buffer[n++] = c;
                }
            }

            return decimal.TryParse(buffer[..n], NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        if (dots == 0 && commas == 1)
        {
            Span<char> buffer = stackalloc char[digits.Length];
            digits.CopyTo(buffer);
            buffer[digits.IndexOf(',')] = '.';
            return decimal.TryParse(buffer, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
        }

        return false;
    }

    /// <summary>True for "1,500" or "100,000,000": 1-3 digits, then groups of exactly three.</summary>
    public static bool IsThousandsGrouping(ReadOnlySpan<char> digits)
    {
        var first = digits.IndexOf(',');
        if (first is < 1 or > 3)
        {
            return false;
        }

        var rest = digits[first..];
        while (!rest.IsEmpty)
        {
            if (rest.Length < 4 || rest[0] != ',' || !char.IsAsciiDigit(rest[1]) || !char.IsAsciiDigit(rest[2]) || !char.IsAsciiDigit(rest[3]))
            {
                return false;
            }

            rest = rest[4..];
        }

        return true;
    }

    /// <summary>The value of a superscript digit (⁰-⁹), or -1.</summary>
    public static int SuperscriptDigit(char c) => c switch
    {
        '\u2070' => 0,
        '\u00B9' => 1,
        '\u00B2' => 2,
        '\u00B3' => 3,
        >= '\u2074' and <= '\u2079' => c - '\u2070',
        _ => -1,
    };

    /// <summary>Parses Roman numerals I to XII (case-insensitive).</summary>
    public static bool TryParseRoman(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 4)
        {
            return false;
        }

        var previous = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var digit = char.ToUpperInvariant(text[i]) switch
            {
                'I' => 1,
                'V' => 5,
                'X' => 10,
                _ => 0,
            };
            if (digit == 0)
            {
                return false;
            }

            value += digit < previous ? -digit : digit;
            previous = Math.Max(previous, digit);
        }

        return value is >= 1 and <= 12;
    }
}
