using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Quantities;

/// <summary>Ranges, sets and the small connecting words of thresholds.</summary>
internal static partial class ThresholdParser
{
    private static bool IsRangeLead(TokenText t, int index) =>
        t.IsWord(index, "between") || t.IsWord(index, "from") || t.IsWord(index, "range") || t.IsWord(index, "ranging");

    private static bool TryParseRange(TokenText t, int index, Lexicon lexicon, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        if (t.IsWord(index, "of") || t.IsWord(index, "from"))
        {
            index++;
        }

        if (!TryReadValue(t, index, lexicon, options, out var low))
        {
            return false;
        }

        return TryReadRangeTail(t, low, lexicon, options, out threshold, allowAnd: true);
    }

    /// <summary>"- 35", "to 65 years", "and 32 kg/m2" (after "between"), "~ 0.6".</summary>
    private static bool TryReadRangeTail(
        TokenText t, Quantity low, Lexicon lexicon, ThresholdOptions options, out Threshold threshold, bool allowAnd = false)
    {
        threshold = default;
        var i = low.End;
        if (!(t.IsSymbol(i, '-') || t.IsSymbol(i, '~') || t.IsWord(i, "to") || t.IsWord(i, "through")
            || (allowAnd && t.IsWord(i, "and"))))
        {
            return false;
        }

        var highStart = i + 1;
        var exclusive = false;
        if (lexicon.Comparators.Match(t, highStart, out var comparatorEnd) is { } comparators
            && comparators[0].Value is Comparator.LessThan or Comparator.LessOrEqual)
        {
            exclusive = comparators[0].Value == Comparator.LessThan;
            highStart = comparatorEnd;
        }

        if (!TryReadValue(t, highStart, lexicon, options, out var high) || high.Value < low.Value)
        {
            return false;
        }

        var unit = high.Unit ?? low.Unit;
        var lowUnit = low.Unit is not null && high.Unit is not null && low.Unit != high.Unit ? low.Unit : null;
        var limit = high.Limit != NormalLimit.None ? high.Limit : low.Limit;
        var end = high.End;
        if (unit is null && limit == NormalLimit.None && TryReadTrailingUnit(t, end, lexicon, out var trailing, out var trailingEnd))
        {
            unit = trailing.Ucum;
            end = trailingEnd;
        }

        threshold = new Threshold(
            Comparator.Range, null, low.Value, high.Value, unit, lowUnit, high.Dimension ?? low.Dimension, limit, low.Start, SkipInclusive(t, end))
        {
            HighExclusive = exclusive,
        };
        return true;
    }

    /// <summary>"0 or 1", "0, 1 or 2", "III or IV": consecutive integers as a range.</summary>
    private static bool TryReadSet(TokenText t, Quantity first, Lexicon lexicon, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        var low = first.Value;
        var high = first.Value;
        var i = first.End;
        var end = i;
        while (true)
        {
            var j = i;
            if (t.IsSymbol(j, ','))
            {
                j++;
            }

            if (t.IsWord(j, "or") || t.IsWord(j, "and"))
            {
                j++;
            }

            if (j == i || !TryReadValue(t, j, lexicon, options, out var next) || next.Value != high + 1 || decimal.Truncate(next.Value) != next.Value)
            {
                break;
            }

            high = next.Value;
            i = next.End;
            end = i;
        }

        if (high == low)
        {
            return false;
        }

        threshold = new Threshold(Comparator.Range, null, low, high, first.Unit, null, first.Dimension, NormalLimit.None, first.Start, end);
        return true;
    }

    private static bool TryReadTrailingUnit(TokenText t, int index, Lexicon lexicon, out UnitDefinition unit, out int end)
    {
        unit = null!;
        end = index;
        if (index >= t.Count)
        {
            return false;
        }

        var found = lexicon.Units.Match(t.Text, t.StartOf(index), out var charEnd);
        if (found is null)
        {
            return false;
        }

        unit = found;
        end = t.IndexAtOrAfter(charEnd);
        return true;
    }

    /// <summary>Skips "(≥)" after "greater than or equal to" and a following "to".</summary>
    private static int SkipEchoedComparator(TokenText t, int index, Lexicon lexicon)
    {
        if (t.IsSymbol(index, '(') && lexicon.Comparators.Match(t, index + 1, out var end) is not null && t.IsSymbol(end, ')'))
        {
            index = end + 1;
        }

        return t.IsWord(index, "to") || t.IsWord(index, "of") ? index + 1 : index;
    }

    /// <summary>Skips "inclusive", "(inclusive)", "(both inclusive)", "(both values inclusive)".</summary>
    private static int SkipInclusive(TokenText t, int index)
    {
        var i = index;
        var open = t.IsSymbol(i, '(');
        if (open)
        {
            i++;
        }

        if (t.IsWord(i, "both"))
        {
            i++;
        }

        if (t.IsWord(i, "values") || t.IsWord(i, "limits") || t.IsWord(i, "ends"))
        {
            i++;
        }

        if (!t.IsWord(i, "inclusive") && !t.IsWord(i, "included"))
        {
            return index;
        }

        i++;
        return open && t.IsSymbol(i, ')') ? i + 1 : i;
    }
}
