using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Lists of tested things sharing one threshold, and thresholds continuing one test.</summary>
internal static class MentionGroups
{
    private const int MaxContinuationGap = 5;

    /// <summary>
    /// The end (exclusive) of the run of mentions starting at <paramref name="index"/>: the mentions of the same category
    /// joined to it by "/", ",", "and", "or" or parentheses ("AST(SGOT)/ALT(SGPT)", "amylase and lipase").
    /// </summary>
    public static int Collect(ItemContext ctx, int index, TermCategory category)
    {
        var mentions = ctx.Mentions;
        var next = index + 1;
        while (next < mentions.Length && mentions[next].Category == category && OnlyConnectorsBetween(ctx, mentions[next - 1].End, mentions[next].Start))
        {
            next++;
        }

        return next;
    }

    /// <summary>True when the definition <paramref name="select"/> picks for group[<paramref name="index"/>] appeared earlier in the group.</summary>
    public static bool RepeatsEarlier<T>(ReadOnlySpan<Mention> group, int index, Func<Mention, T> select)
        where T : class
    {
        var value = select(group[index]);
        for (var k = 0; k < index; k++)
        {
            if (select(group[k]).Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first threshold and those continuing it: "&gt; 2.9 mmol/L or &lt; 2 mmol/L", "&lt; 55 bpm ... or 50 bpm".</summary>
    /// <remarks>Fills <paramref name="list"/>, which it clears first.</remarks>
    public static void WithContinuations(ItemContext ctx, Threshold first, ThresholdOptions options, List<Threshold> list)
    {
        list.Clear();
        list.Add(first);
        var t = ctx.T;
        var end = ctx.SegmentEnd(Math.Min(first.Start, t.Count - 1));
        while (true)
        {
            var previous = list[^1];
            var i = previous.End;
            var connector = false;
            for (var gap = 0; i < end && gap <= MaxContinuationGap; gap++)
            {
                if (ctx.InZone(i, i + 1, ZoneFlags.Population))
                {
                    i++;
                    gap--;
                    continue;
                }

                if (t.IsWord(i, "or") || t.IsWord(i, "and") || t.IsWord(i, "but") || t.IsSymbol(i, ',') || t.IsSymbol(i, '/'))
                {
                    connector = true;
                    i++;
                    continue;
                }

                if (t.Tokens[i].Kind == Text.TokenKind.Word && !IsNumberWord(ctx, i)
                    && ctx.MentionAt(i) is not { Category: TermCategory.Measurement or TermCategory.Score or TermCategory.Condition or TermCategory.Comparator })
                {
                    i++;
                    continue;
                }

                break;
            }

            if (!connector || i >= end || ctx.MentionAt(i) is { Category: TermCategory.Measurement or TermCategory.Score })
            {
                break;
            }

            if (!TryContinuation(ctx, i, previous, options, out var continued))
            {
                break;
            }

            list.Add(continued);
        }

        ShareUnits(list);
    }

    private static bool TryContinuation(ItemContext ctx, int i, Threshold previous, ThresholdOptions options, out Threshold continued)
    {
        var t = ctx.T;
        continued = default;
        var hasComparator = ctx.Lexicon.Comparators.Match(t, i, out _) is not null;
        if (hasComparator)
        {
            return ThresholdParser.TryParse(t, i, ctx.Lexicon, options, out continued) && !ctx.InZone(continued.Start, continued.End, ZoneFlags.Silencing);
        }

        if (previous.Comparator == Comparator.Range || !t.IsNumber(i)
            || !QuantityParser.TryParse(t, i, ctx.Lexicon, out var quantity) || !quantity.HasUnit || quantity.Unit != previous.Unit
            || quantity.Limit != previous.Limit)
        {
            return false;
        }

        continued = Threshold.From(previous.Comparator, quantity, i, quantity.End);
        return true;
    }

    private static bool IsNumberWord(ItemContext ctx, int i) => ctx.Lexicon.TryGetNumberWord(ctx.T, i, out _);

    /// <summary>"&lt; 90 or &gt;150 mmHg": a threshold without unit takes the unit of its neighbour.</summary>
    public static void ShareUnits(List<Threshold> list)
    {
        if (list.Count < 2)
        {
            return;
        }

        Threshold withUnit = default;
        foreach (var threshold in list)
        {
            if (threshold.Unit is not null)
            {
                withUnit = threshold;
                break;
            }
        }

        if (withUnit.Unit is null)
        {
            return;
        }

        for (var k = 0; k < list.Count; k++)
        {
            if (list[k].Unit is null && list[k].Limit == NormalLimit.None)
            {
                list[k] = list[k] with { Unit = withUnit.Unit, Dimension = withUnit.Dimension };
            }
        }
    }

    private static bool OnlyConnectorsBetween(ItemContext ctx, int from, int to)
    {
        var t = ctx.T;
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            if (t.IsSymbol(i, '('))
            {
                depth++;
                continue;
            }

            if (t.IsSymbol(i, ')'))
            {
                depth--;
                continue;
            }

            if (!(t.IsSymbol(i, '/') || t.IsSymbol(i, ',') || t.IsSymbol(i, '&') || t.IsWord(i, "and") || t.IsWord(i, "or")
                || t.IsWord(i, "serum") || t.IsWord(i, "plasma")))
            {
                return false;
            }
        }

        return to - from <= 12;
    }
}
