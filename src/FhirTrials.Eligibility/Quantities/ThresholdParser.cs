using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>
/// Reads a comparison starting at a token: "≥ 3.5x10^9/L", "no less than 18", "between 18 and 65", "from 18 to 65",
/// "18.5-35", "2.0 mg/dl or less", "below the upper limit of normal", "II-IV" (when allowed).
/// </summary>
internal static partial class ThresholdParser
{
    public static bool TryParse(TokenText t, int start, Lexicon lexicon, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        if (start >= t.Count)
        {
            return false;
        }

        if (IsRangeLead(t, start) && TryParseRange(t, start + 1, lexicon, options, out threshold))
        {
            threshold = threshold with { Start = start };
            return true;
        }

        if (lexicon.Comparators.Match(t, start, out var comparatorEnd) is { } comparators)
        {
            return TryParseAfterComparator(t, start, comparatorEnd, comparators[0].Value, lexicon, options, out threshold);
        }

        if (TryReadValue(t, start, lexicon, options, out var quantity))
        {
            return TryParseAfterValue(t, start, quantity, lexicon, options, out threshold);
        }

        return false;
    }

    /// <summary>Reads "or more", "or less", "and older"... at <paramref name="index"/>.</summary>
    public static bool TryReadSuffix(TokenText t, int index, Lexicon lexicon, out Comparator comparator, out int end)
    {
        comparator = default;
        end = index;
        if (lexicon.SuffixComparators.Match(t, index, out var suffixEnd) is not { } suffixes)
        {
            return false;
        }

        comparator = suffixes[0].Value;
        end = suffixEnd;
        return true;
    }

    private static bool TryParseAfterComparator(
        TokenText t, int start, int index, Comparator comparator, Lexicon lexicon, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        index = SkipEchoedComparator(t, index, lexicon);
        if (QuantityParser.TryReadLimit(t, index, lexicon, out var limit, out _, out var limitEnd))
        {
            threshold = new Threshold(comparator, 1m, null, null, null, null, null, limit, start, limitEnd);
            return true;
        }

        if (!TryReadValue(t, index, lexicon, options, out var quantity))
        {
            return false;
        }

        if (quantity.Limit == NormalLimit.None && TryReadRangeTail(t, quantity, lexicon, options, out var range))
        {
            threshold = range with { Start = start };
            return true;
        }

        threshold = Threshold.From(quantity.Comparator ?? comparator, quantity, start, SkipInclusive(t, quantity.End));
        return true;
    }

    private static bool TryParseAfterValue(
        TokenText t, int start, Quantity quantity, Lexicon lexicon, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        if (quantity.Comparator is { } inner)
        {
            threshold = Threshold.From(inner, quantity, start, SkipInclusive(t, quantity.End));
            return true;
        }

        if (TryReadRangeTail(t, quantity, lexicon, options, out threshold))
        {
            return true;
        }

        if ((options & ThresholdOptions.AllowSet) != 0 && TryReadSet(t, quantity, lexicon, options, out threshold))
        {
            return true;
        }

        if (TryReadSuffix(t, quantity.End, lexicon, out var suffix, out var suffixEnd))
        {
            threshold = Threshold.From(suffix, quantity, start, SkipInclusive(t, suffixEnd));
            return true;
        }

        if ((options & ThresholdOptions.AllowBare) != 0)
        {
            threshold = Threshold.From(Comparator.Equal, quantity, start, quantity.End);
            return true;
        }

        return false;
    }

    /// <summary>A number, a number word, or (when allowed) a Roman numeral.</summary>
    internal static bool TryReadValue(TokenText t, int index, Lexicon lexicon, ThresholdOptions options, out Quantity quantity)
    {
        if (QuantityParser.TryParse(t, index, lexicon, out quantity))
        {
            return true;
        }

        if ((options & ThresholdOptions.AllowRoman) != 0 && index < t.Count && t.Tokens[index].Kind == TokenKind.Word
            && NumberParser.TryParseRoman(t.Span(index), out var roman))
        {
            quantity = new Quantity(roman, null, null, NormalLimit.None, null, index, index + 1);
            return true;
        }

        return false;
    }
}
