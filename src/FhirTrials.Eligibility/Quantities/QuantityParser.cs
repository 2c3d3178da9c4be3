using System.Globalization;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>
/// Reads a quantity at a number token: the number, a power of ten ("x10^9", "×10⁹", "x109" where the superscript
/// was lost, "10E9", the garbled "75.010^9"), then a UCUM unit or a multiple of a normal limit ("1.5 x ULN").
/// </summary>
internal static partial class QuantityParser
{
    public static bool TryParse(TokenText t, int index, Lexicon lexicon, out Quantity quantity)
    {
        quantity = default;
        if (!t.IsNumber(index))
        {
            return TryParseNumberWord(t, index, lexicon, out quantity);
        }

        var token = t.Tokens[index];
        var text = t.Text;
        var digits = token.Span(text);
        int pos = token.End;
        int exponent;
        decimal value;
        if (IsGarbledPower(text, digits, pos) && NumberParser.TryParse(digits[..^2], out value)
            && TryReadExponent(text, pos, out exponent, out pos))
        {
            return Finish(t, index, lexicon, value, exponent, pos, out quantity);
        }

        if (!NumberParser.TryParse(digits, out value))
        {
            return false;
        }

        if (TryReadPower(text, pos, out exponent, out var afterPower))
        {
            return Finish(t, index, lexicon, value, exponent, afterPower, out quantity);
        }

        if (TryReadLimit(t, t.IndexAtOrAfter(pos), lexicon, out var limit, out var comparator, out var limitEnd))
        {
            quantity = new Quantity(value, null, null, limit, comparator, index, limitEnd);
            return true;
        }

        if (IsUnknownMultiple(t, t.IndexAtOrAfter(pos)))
        {
            return false;
        }

        var unitStart = pos;
        if (IsWrappedNumber(t, index, lexicon))
        {
            unitStart = t.EndOf(index + 1);
        }

        var (unit, unitEnd) = ReadUnit(text, unitStart, lexicon);
        quantity = unit is null
            ? new Quantity(value, null, null, NormalLimit.None, null, index, index + 1)
            : new Quantity(value, unit.Ucum, unit.Dimension, NormalLimit.None, null, index, t.IndexAtOrAfter(unitEnd));
        return true;
    }

    /// <summary>Reads "ULN", "x ULN", "times the upper limit of normal", "times more than normal upper limit".</summary>
    public static bool TryReadLimit(TokenText t, int index, Lexicon lexicon, out NormalLimit limit, out Comparator? comparator, out int end)
    {
        limit = NormalLimit.None;
        comparator = null;
        end = index;
        var i = index;
        for (var guard = 0; guard < 4 && i < t.Count; guard++)
        {
            if (lexicon.NormalLimits.Match(t, i, out var limitEnd) is { } limits)
            {
                limit = limits[0].Value;
                end = limitEnd;
                return true;
            }

            if (lexicon.LimitMultipliers.Match(t, i, out var multiplierEnd) is not null)
            {
                i = multiplierEnd;
                continue;
            }

            if (comparator is null && i > index && lexicon.Comparators.Match(t, i, out var comparatorEnd) is { } comparators)
            {
                comparator = comparators[0].Value;
                i = comparatorEnd;
                continue;
            }

            break;
        }

        comparator = null;
        return false;
    }

    private static bool Finish(TokenText t, int index, Lexicon lexicon, decimal value, int exponent, int pos, out Quantity quantity)
    {
        var (unit, unitEnd) = ReadUnit(t.Text, SkipSpaces(t.Text, pos), lexicon);
        var power = "10*" + exponent.ToString(CultureInfo.InvariantCulture);
        string ucum;
        if (unit is not null && unit.Dimension == "count-concentration" && unit.Ucum.StartsWith('/'))
        {
            ucum = power + unit.Ucum;
            pos = unitEnd;
        }
        else
        {
            ucum = power + "/L";
        }

        quantity = new Quantity(value, ucum, "count-concentration", NormalLimit.None, null, index, t.IndexAtOrAfter(pos));
        return true;
    }

    private static bool TryParseNumberWord(TokenText t, int index, Lexicon lexicon, out Quantity quantity)
    {
        quantity = default;
        if (index >= t.Count || t.Tokens[index].Kind != TokenKind.Word || !lexicon.TryGetNumberWord(t, index, out var value))
        {
            return false;
        }

        if (t.IsSymbol(index + 1, '(') && t.IsNumber(index + 2) && t.IsSymbol(index + 3, ')'))
        {
            if (!TryParse(t, index + 2, lexicon, out var inner))
            {
                return false;
            }

            quantity = inner with { Start = index, End = Math.Max(inner.End, index + 4) };
            return true;
        }

        var (unit, unitEnd) = ReadUnit(t.Text, t.EndOf(index), lexicon);
        quantity = unit is null
            ? new Quantity(value, null, null, NormalLimit.None, null, index, index + 1)
            : new Quantity(value, unit.Ucum, unit.Dimension, NormalLimit.None, null, index, t.IndexAtOrAfter(unitEnd));
        return true;
    }

    /// <summary>"1.5-1.9 × baseline": a multiple of something other than a normal limit is not a quantity.</summary>
    private static bool IsUnknownMultiple(TokenText t, int i) =>
        t.IsSymbol(i, '×') || t.IsWord(i, "times") || t.IsWord(i, "fold") || t.IsWord(i, "folds")
        || ((t.IsWord(i, "x") || t.IsWord(i, "X")) && !t.IsNumber(i + 1));

    /// <summary>"nineteen (19) years": the unit follows the closing parenthesis.</summary>
    private static bool IsWrappedNumber(TokenText t, int index, Lexicon lexicon) =>
        t.IsSymbol(index - 1, '(') && t.IsSymbol(index + 1, ')') && index >= 2
        && t.Tokens[index - 2].Kind == TokenKind.Word && lexicon.TryGetNumberWord(t, index - 2, out _);

    private static (UnitDefinition? Unit, int End) ReadUnit(string text, int pos, Lexicon lexicon)
    {
        var start = SkipSpaces(text, pos);
        var unit = lexicon.Units.Match(text, start, out var end);
        if (unit is not null)
        {
            return (unit, end);
        }

        if (start < text.Length && text[start] == '-')
        {
            unit = lexicon.Units.Match(text, start + 1, out end);
            if (unit is { Dimension: "time" })
            {
                return (unit, end);
            }
        }

        return (null, pos);
    }
}
