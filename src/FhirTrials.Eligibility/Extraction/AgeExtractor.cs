using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Age limits, either after an age word ("Age ≥18 years", "aged from 15 to 60 years old", "Age limits:18 to 70")
/// or before an age suffix ("18-75years old", "18 years of age or older", "Under 19 years old", "6 years or older").
/// Ages naming who a rule applies to ("for subjects aged 6-11 years", "Children aged 5-8 years must ...") are skipped.
/// </summary>
internal static class AgeExtractor
{
    private const int MaxSkippedAfterKeyword = 4;

    private static readonly string[] Keywords = ["age", "aged", "ages"];

    private static readonly HashSet<string> KeywordFillers = new(StringComparer.OrdinalIgnoreCase)
    {
        ":", "of", "is", "must", "be", "limits", "limit", "range", "(", ")", "years", "yrs", "in", "at", "the", "time",
        "group", "was", "should", "patients", "participants", "subjects",
    };

    private static readonly string[] DurationWords = ["for", "within", "since", "over", "during", "past", "last", "history", "of", "duration", "lasting", "every"];
    private static readonly string[] AnchorWords = ["ago", "prior", "before", "after", "history", "duration", "since", "of"];

    private static readonly string[] ConditionalFollowers = ["must", "should", "need", "needs", "will", "may"];

    public static void Extract(ItemContext ctx)
    {
        var t = ctx.T;
        if (ctx.Heading is { } heading && heading.Trim().Equals("age", StringComparison.OrdinalIgnoreCase))
        {
            TryKeywordLed(ctx, -1);
        }

        for (var i = 0; i < t.Count; i++)
        {
            if (ctx.Used[i])
            {
                continue;
            }

            if (IsKeyword(ctx, i))
            {
                TryKeywordLed(ctx, i);
            }
            else if (t.IsNumber(i) || ctx.Lexicon.Comparators.Match(t.Text, t.Tokens, i, out _) is not null
                || t.IsWord(i, "between") || t.IsWord(i, "from") || ctx.Lexicon.TryGetNumberWord(t.Span(i), out _))
            {
                TrySuffixLed(ctx, i);
            }
        }
    }

    private static bool IsKeyword(ItemContext ctx, int i)
    {
        foreach (var keyword in Keywords)
        {
            if (ctx.T.IsWord(i, keyword) && ctx.MentionAt(i) is not { Category: TermCategory.Stop })
            {
                return !ctx.InZone(i, i + 1, ZoneFlags.Silencing);
            }
        }

        return false;
    }

    private static void TryKeywordLed(ItemContext ctx, int keyword)
    {
        var t = ctx.T;
        var i = keyword + 1;
        var end = t.Count == 0 ? 0 : ctx.SegmentEnd(Math.Max(0, Math.Min(i, t.Count - 1)));
        for (var skipped = 0; i < end && skipped <= MaxSkippedAfterKeyword; skipped++)
        {
            if (TryRead(ctx, i, requireSuffix: false, out var threshold, out var readEnd))
            {
                Emit(ctx, Math.Max(keyword, 0), threshold, readEnd);
                return;
            }

            if (!KeywordFillers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(t.Span(i)))
            {
                return;
            }

            i++;
        }
    }

    private static void TrySuffixLed(ItemContext ctx, int i)
    {
        if (TryRead(ctx, i, requireSuffix: true, out var threshold, out var end))
        {
            Emit(ctx, i, threshold, end);
        }
    }

    /// <summary>Reads a threshold in a time unit (or none) and an optional age suffix ("years old", "of age", "or older").</summary>
    private static bool TryRead(ItemContext ctx, int i, bool requireSuffix, out Threshold threshold, out int end)
    {
        var t = ctx.T;
        var lexicon = ctx.Lexicon;
        end = i;
        if (!ThresholdParser.TryParse(t, i, lexicon, ThresholdOptions.AllowBare, out threshold)
            || threshold.Limit != NormalLimit.None || (threshold.Unit is not null && threshold.Dimension != "time")
            || ctx.AnyUsed(threshold.Start, threshold.End) || ctx.InZone(threshold.Start, threshold.End, ZoneFlags.Silencing))
        {
            return false;
        }

        end = threshold.End;
        var hasSuffix = SkipAgeSuffix(t, ref end);
        if (threshold.Comparator == Comparator.Equal && ThresholdParser.TryReadSuffix(t, end, lexicon, out var suffix, out var suffixEnd))
        {
            threshold = threshold with { Comparator = suffix };
            hasSuffix |= MentionsOlderOrYounger(t, end, suffixEnd);
            end = suffixEnd;
        }
        else if (!hasSuffix && threshold.End > threshold.Start && MentionsOlderOrYounger(t, threshold.Start, threshold.End))
        {
            hasSuffix = true;
        }

        var after = end;
        if (requireSuffix && !hasSuffix && IsBareYearRange(ctx, threshold))
        {
            hasSuffix = true;
        }

        if (threshold.Comparator == Comparator.Equal || (requireSuffix && !hasSuffix)
            || ConditionalFollowers.Any(w => t.IsWord(after, w)))
        {
            return false;
        }

        return threshold.Unit is not null || hasSuffix || !requireSuffix;
    }

    /// <summary>
    /// "19 to 45 years": a range of whole years, not introduced as a duration ("for", "within", "history of") and not
    /// followed by an anchor ("ago", "prior"), is an age range.
    /// </summary>
    private static bool IsBareYearRange(ItemContext ctx, Threshold threshold)
    {
        var t = ctx.T;
        if (threshold.Comparator != Comparator.Range || threshold.Unit != "a" || threshold.LowUnit is not null
            || threshold.Low is not { } low || threshold.High is not { } high || low < 1 || high > 120 || high - low < 2)
        {
            return false;
        }

        var before = threshold.Start - 1;
        var after = threshold.End;
        return !DurationWords.Any(w => t.IsWord(before, w) || t.IsWord(before - 1, w))
            && !AnchorWords.Any(w => t.IsWord(after, w));
    }

    private static bool SkipAgeSuffix(Text.TokenText t, ref int end)
    {
        var start = end;
        if (t.IsWord(end, "years") || t.IsWord(end, "year") || t.IsWord(end, "yrs"))
        {
            end++;
        }

        if (t.IsSymbol(end, '-'))
        {
            end++;
        }

        if (t.IsWord(end, "old") || t.IsWord(end, "yo"))
        {
            end++;
            return true;
        }

        if (t.IsWord(end, "of") && t.IsWord(end + 1, "age"))
        {
            end += 2;
            return true;
        }

        end = start;
        return false;
    }

    private static bool MentionsOlderOrYounger(Text.TokenText t, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (t.IsWord(k, "older") || t.IsWord(k, "younger") || t.IsWord(k, "old"))
            {
                return true;
            }
        }

        return false;
    }

    private static void Emit(ItemContext ctx, int start, Threshold threshold, int end)
    {
        foreach (var part in threshold.Expand())
        {
            EmitOne(ctx, start, part, end);
        }

        if (TryContinuation(ctx, end, threshold.Unit ?? "a", out var next, out var nextEnd))
        {
            EmitOne(ctx, next.Start, next, nextEnd);
        }
    }

    /// <summary>"over 18 years of age up to 70", "18 years or older and under 65": a second bound after the first.</summary>
    private static bool TryContinuation(ItemContext ctx, int i, string unit, out Threshold threshold, out int end)
    {
        var t = ctx.T;
        threshold = default;
        end = i;
        if (t.IsSymbol(i, ',') || t.IsWord(i, "and") || t.IsWord(i, "but"))
        {
            i++;
        }

        if (ctx.Lexicon.Comparators.Match(t.Text, t.Tokens, i, out _) is null
            || !ThresholdParser.TryParse(t, i, ctx.Lexicon, ThresholdOptions.None, out threshold)
            || threshold.Comparator is Comparator.Range or Comparator.Equal || threshold.Limit != NormalLimit.None
            || (threshold.Unit is not null && threshold.Dimension != "time") || ctx.AnyUsed(threshold.Start, threshold.End))
        {
            return false;
        }

        threshold = threshold with { Unit = threshold.Unit ?? unit };
        end = threshold.End;
        SkipAgeSuffix(t, ref end);
        return true;
    }

    private static void EmitOne(ItemContext ctx, int start, Threshold threshold, int end)
    {
        var unit = threshold.Unit ?? "a";
        if (threshold.Comparator == Comparator.Range && threshold.LowUnit is { } lowUnit && lowUnit != unit)
        {
            ctx.Add(Create(ctx, Comparator.GreaterOrEqual, threshold.Low, null, null, lowUnit, start, end));
            ctx.Add(Create(ctx, Comparator.LessOrEqual, threshold.High, null, null, unit, start, end));
        }
        else
        {
            ctx.Add(Create(ctx, threshold.Comparator, threshold.Value, threshold.Low, threshold.High, unit, start, end));
        }

        ctx.MarkUsed(start, end);
    }

    private static StructuredCriterion Create(
        ItemContext ctx, Comparator comparator, decimal? value, decimal? low, decimal? high, string unit, int start, int end) => new()
    {
        Kind = CriterionKind.Age,
        Code = Codes.Age,
        Comparator = comparator,
        Value = comparator == Comparator.Range ? null : value,
        Low = comparator == Comparator.Range ? low : null,
        High = comparator == Comparator.Range ? high : null,
        Unit = unit,
        Exclude = ctx.IsExclusion,
        Source = ctx.Span(start, end),
        ItemText = ctx.Original,
    };
}
