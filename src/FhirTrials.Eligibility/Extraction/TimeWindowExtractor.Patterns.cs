using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>The window phrases: leads ("within", "in the past", "for"), comparators and bare durations.</summary>
internal static partial class TimeWindowExtractor
{
    private static readonly WordTable Modifiers = new(["last", "past", "previous", "preceding", "prior", "recent", "most", "latest"]);
    private static readonly WordTable DurationWords = new(["lasting", "lasted", "lasts", "present", "persisting", "persistent", "persisted", "duration", "ongoing"]);
    private static readonly WordTable BareBlockers = new(["every", "each", "per", "q", "within", "for", "during", "in", "over", "to", "than", "least", "of", "minimum", "after", "until", "till", "through", "up"]);

    private static bool TryWithin(ItemContext ctx, int i, out FoundWindow window)
    {
        window = default;
        if (!TryLeadDuration(ctx, i + 1, requireModifier: false, out var value, out var unit, out var end, out var qualified))
        {
            return false;
        }

        var anchor = ReadAnchor(ctx, SkipParenthesis(ctx.T, end));
        return anchor.Kind switch
        {
            AnchorKind.After or AnchorKind.Relative => false,
            AnchorKind.Of when !anchor.IsStudy => Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, anchor.End, anchor.SubjectStart, anchor.SubjectEnd) { OfEvent = true }),
            AnchorKind.None or AnchorKind.Of or AnchorKind.Before or AnchorKind.Since or AnchorKind.Ago =>
                Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, anchor.Kind == AnchorKind.None ? end : anchor.End)),
            _ => qualified && Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, end)),
        };
    }

    private static bool TryInThePast(ItemContext ctx, int i, out FoundWindow window)
    {
        window = default;
        var t = ctx.T;
        var hasThe = t.IsWord(i + 1, "the");
        if (!TryLeadDuration(ctx, i + 1, requireModifier: false, out var value, out var unit, out var end, out var modified))
        {
            return false;
        }

        var anchor = ReadAnchor(ctx, SkipParenthesis(t, end));
        if (anchor.Kind is AnchorKind.After or AnchorKind.Relative || (anchor.Kind == AnchorKind.Of && !anchor.IsStudy))
        {
            return false;
        }

        var anchored = anchor.Kind is AnchorKind.Before or AnchorKind.Of || (hasThe && BeforeWithin(t, end, 3));
        var clauseEnds = end >= t.Count || t.Tokens[end].Kind == TokenKind.Symbol || t.IsWord(end, "or") || t.IsWord(end, "and");
        var accepted = modified || anchored || (!hasThe && (t.IsWord(i, "during") || clauseEnds));
        return accepted && Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, anchored ? anchor.End : end));
    }

    private static bool TryFor(ItemContext ctx, int i, out FoundWindow window)
    {
        window = default;
        var t = ctx.T;
        var j = t.IsWord(i + 1, "the") ? i + 2 : i + 1;
        if (IsModifier(t, j) && TryLeadDuration(ctx, i + 1, requireModifier: true, out var value, out var unit, out var end, out _))
        {
            var anchor = ReadAnchor(ctx, SkipParenthesis(t, end));
            return anchor.Kind is not (AnchorKind.After or AnchorKind.Relative)
                && Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, Math.Max(end, anchor.End)));
        }

        if (t.IsWord(j, "a") && t.IsWord(j + 1, "minimum"))
        {
            j++;
        }

        if (ctx.Lexicon.Comparators.Match(t, j, out var comparatorEnd) is { } comparators
            && comparators[0].Value != Comparator.Equal && TryDuration(ctx, comparatorEnd, out value, out unit, out end))
        {
            var anchor = ReadAnchor(ctx, SkipParenthesis(t, end));
            var direction = IsLower(comparators[0].Value) ? TimeWindowDirection.DurationAtLeast : TimeWindowDirection.DurationAtMost;
            return anchor.Kind != AnchorKind.After
                && Set(out window, new FoundWindow(value, unit, direction, i, anchor.Kind is AnchorKind.Before or AnchorKind.Relative ? anchor.End : end));
        }

        if (!TryDuration(ctx, j, out value, out unit, out end))
        {
            return false;
        }

        if (ThresholdParser.TryReadSuffix(t, end, ctx.Lexicon, out var suffix, out var suffixEnd) && IsLower(suffix))
        {
            var anchor = ReadAnchor(ctx, suffixEnd);
            return anchor.Kind != AnchorKind.After
                && Set(out window, new FoundWindow(value, unit, TimeWindowDirection.DurationAtLeast, i, anchor.Kind is AnchorKind.Before ? anchor.End : suffixEnd));
        }

        var before = ReadAnchor(ctx, SkipParenthesis(t, end));
        return before.Kind == AnchorKind.Before
            && Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, before.End));
    }

    private static bool TryCompared(ItemContext ctx, int i, int comparatorEnd, Comparator comparator, out FoundWindow window)
    {
        window = default;
        var t = ctx.T;
        var k = t.IsWord(comparatorEnd, "the") ? comparatorEnd + 1 : comparatorEnd;
        if (comparator == Comparator.Equal || !TryDuration(ctx, k, out var value, out var unit, out var end))
        {
            return false;
        }

        var lower = IsLower(comparator);
        var anchor = ReadAnchor(ctx, SkipParenthesis(t, end));
        var direction = anchor.Kind switch
        {
            AnchorKind.Before or AnchorKind.Ago or AnchorKind.Since => lower ? TimeWindowDirection.MoreThanAgo : TimeWindowDirection.Within,
            AnchorKind.After when lower && !anchor.IsStudy && !t.IsWord(anchor.SubjectStart, "age") => TimeWindowDirection.MoreThanAgo,
            AnchorKind.Of or AnchorKind.Duration => lower ? TimeWindowDirection.DurationAtLeast : TimeWindowDirection.DurationAtMost,
            AnchorKind.None when DurationWordBefore(t, i) => lower ? TimeWindowDirection.DurationAtLeast : TimeWindowDirection.DurationAtMost,
            AnchorKind.None when t.IsSymbol(i - 1, '(') => lower ? TimeWindowDirection.MoreThanAgo : TimeWindowDirection.Within,
            AnchorKind.None when !lower && (t.IsWord(i - 1, "in") || t.IsWord(i - 1, "within")) => TimeWindowDirection.Within,
            AnchorKind.None when lower && (t.IsWord(i, "at") || t.IsWord(i, "minimum") || t.IsWord(i, "a") || t.IsWord(i, "more")) => TimeWindowDirection.DurationAtLeast,
            _ => (TimeWindowDirection?)null,
        };
        if (direction is not { } d)
        {
            return false;
        }

        var explicitSubject = anchor.Kind is AnchorKind.Of or AnchorKind.Since or AnchorKind.After;
        return Set(out window, new FoundWindow(
            value, unit, d, i, anchor.Kind == AnchorKind.None ? end : anchor.End,
            explicitSubject ? anchor.SubjectStart : -1, explicitSubject ? anchor.SubjectEnd : -1));
    }

    private static bool TryBare(ItemContext ctx, int i, out FoundWindow window)
    {
        window = default;
        var t = ctx.T;
        if (t.Tokens[i].Kind == TokenKind.Symbol || !TryDuration(ctx, i, out var value, out var unit, out var end) || t.IsAnyWord(i - 1, BareBlockers))
        {
            return false;
        }

        if (ThresholdParser.TryReadSuffix(t, end, ctx.Lexicon, out var suffix, out var suffixEnd) && IsLower(suffix))
        {
            return Set(out window, new FoundWindow(value, unit, TimeWindowDirection.DurationAtLeast, i, suffixEnd));
        }

        var anchor = ReadAnchor(ctx, SkipParenthesis(t, end));
        return anchor.Kind switch
        {
            AnchorKind.Before => Set(out window, new FoundWindow(value, unit, TimeWindowDirection.Within, i, anchor.End)),
            AnchorKind.After when !anchor.IsStudy => Set(out window, new FoundWindow(
                value, unit, TimeWindowDirection.MoreThanAgo, i, anchor.End, anchor.SubjectStart, anchor.SubjectEnd)),
            _ => false,
        };
    }

    /// <summary>"[the] [last|past|recent] D" or "[the] last|past month" (one unit).</summary>
    private static bool TryLeadDuration(
        ItemContext ctx, int j, bool requireModifier, out decimal value, out string unit, out int end, out bool modified)
    {
        var t = ctx.T;
        modified = false;
        if (t.IsWord(j, "the"))
        {
            j++;
        }

        while (IsModifier(t, j))
        {
            modified = true;
            j++;
        }

        if ((!requireModifier || modified) && TryDuration(ctx, j, out value, out unit, out end))
        {
            return true;
        }

        if (modified && TryUnitWord(ctx, j, out unit, out end))
        {
            value = 1;
            return true;
        }

        value = 0;
        unit = "";
        end = j;
        return false;
    }

    private static bool BeforeWithin(TokenText t, int from, int distance)
    {
        for (var k = from; k < Math.Min(t.Count, from + distance); k++)
        {
            if (t.IsWord(k, "prior") || t.IsWord(k, "before") || t.IsWord(k, "preceding"))
            {
                return true;
            }

            if (t.Tokens[k].Kind == TokenKind.Symbol)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsModifier(TokenText t, int j) => t.IsAnyWord(j, Modifiers);

    private static bool IsLower(Comparator comparator) => comparator is Comparator.GreaterOrEqual or Comparator.GreaterThan;

    private static bool DurationWordBefore(TokenText t, int i) =>
        t.IsAnyWord(i - 1, DurationWords) || t.IsAnyWord(i - 2, DurationWords);

    private static bool Set(out FoundWindow window, FoundWindow value)
    {
        window = value;
        return true;
    }
}
