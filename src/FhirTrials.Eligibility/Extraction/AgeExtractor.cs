using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Age limits, either after an age word ("Age ≥18 years", "aged from 15 to 60 years old", "Age limits:18 to 70")
/// or before an age suffix ("18-75years old", "18 years of age or older", "Under 19 years old", "6 years or older").
/// Ages naming who a rule applies to ("for subjects aged 6-11 years", "Children aged 5-8 years must ...") are skipped.
/// </summary>
internal static partial class AgeExtractor
{
    private const int MaxSkippedAfterKeyword = 4;

    private static readonly string[] KeywordList = ["age", "aged", "ages"];
    private static readonly WordTable Keywords = new(KeywordList);

    /// <summary>The keywords and the age suffix words ("old", "older", "younger").</summary>
    private static readonly WordTable AgeWords = new([.. KeywordList, "old", "older", "younger"]);

    private static readonly WordTable KeywordFillers = new(
    [
        ":", "of", "is", "must", "be", "limits", "limit", "range", "(", ")", "years", "yrs", "in", "at", "the", "time",
        "group", "was", "should", "patients", "participants", "subjects",
    ]);

    private static readonly WordTable DurationWords = new(["for", "within", "since", "over", "during", "past", "last", "history", "of", "duration", "lasting", "every"]);
    private static readonly WordTable AnchorWords = new(["ago", "prior", "before", "after", "history", "duration", "since", "of"]);

    private static readonly WordTable ConditionalFollowers = new(["must", "should", "need", "needs", "will", "may"]);

    public static void Extract(ItemContext ctx)
    {
        var t = ctx.T;
        if (!ctx.HasTimeUnit && ctx.Heading is null && !MentionsAge(t))
        {
            return;
        }

        if (ctx.Heading is { } heading && heading.Trim().Equals("age", StringComparison.OrdinalIgnoreCase))
        {
            TryKeywordLed(ctx, -1);
        }

        // Below, an age needs an age word (a keyword, "old", "of age", "older") or a range in years.
        if (!MayNameYears(t, ctx.Lexicon) && !MentionsAge(t))
        {
            return;
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
            else if (t.IsNumber(i) || ctx.MentionAt(i) is { Category: TermCategory.Comparator }
                || t.IsWord(i, "between") || t.IsWord(i, "from") || (t.Tokens[i].Length >= 3 && ctx.Lexicon.TryGetNumberWord(t, i, out _)))
            {
                TrySuffixLed(ctx, i);
            }
        }
    }

    private static bool MentionsAge(Text.TokenText t)
    {
        for (var i = 0; i < t.Count; i++)
        {
            if (t.Tokens[i].Kind == Text.TokenKind.Word && t.IsAnyWord(i, AgeWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False when no token starts like a spelling of years, so no quantity in years can be read.</summary>
    private static bool MayNameYears(Text.TokenText t, Lexicon lexicon)
    {
        var initials = lexicon.YearUnitInitials;
        for (var i = 0; i < t.Count; i++)
        {
            if (initials.AsSpan().Contains(char.ToLowerInvariant(t.Text[t.Tokens[i].Start])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeyword(ItemContext ctx, int i) =>
        ctx.T.IsAnyWord(i, Keywords) && ctx.MentionAt(i) is not { Category: TermCategory.Stop } && !ctx.InZone(i, i + 1, ZoneFlags.Silencing);

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

            if (!KeywordFillers.Contains(t, i))
            {
                break;
            }

            i++;
        }

        TryValueBefore(ctx, keyword);
    }

    /// <summary>"≥19 age", "18 years or older age": the limit written right before the age word.</summary>
    private static void TryValueBefore(ItemContext ctx, int keyword)
    {
        if (keyword <= 0)
        {
            return;
        }

        for (var start = Math.Max(ctx.SegmentStart(keyword), keyword - 4); start < keyword; start++)
        {
            if (ThresholdParser.TryParse(ctx.T, start, ctx.Lexicon, ThresholdOptions.None, out var threshold) && threshold.End == keyword
                && threshold.Limit == NormalLimit.None && (threshold.Unit is null || threshold.Dimension == "time")
                && !ctx.AnyUsed(threshold.Start, keyword + 1) && !ctx.InZone(threshold.Start, keyword + 1, ZoneFlags.Silencing))
            {
                Emit(ctx, threshold.Start, threshold, keyword + 1);
                return;
            }
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
            || t.IsAnyWord(after, ConditionalFollowers))
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
        return !t.IsAnyWord(before, DurationWords) && !t.IsAnyWord(before - 1, DurationWords) && !t.IsAnyWord(after, AnchorWords);
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
}
