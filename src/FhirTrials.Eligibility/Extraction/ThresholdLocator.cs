using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Finds the threshold that follows a measured thing: skips filler words ("level", "value", "count", "of", "at
/// screening"), parentheses without numbers ("WBC(white blood cell count)"), and enters a parenthesis that opens
/// with the threshold ("leukopenia (less than 2,000 /mm3)").
/// </summary>
internal static class ThresholdLocator
{
    private const int MaxSkippedTokens = 8;

    private static readonly WordTable Fillers = new(
    [
        "level", "levels", "value", "values", "count", "counts", "concentration", "concentrations", "of", "is", "are",
        "was", "were", "must", "be", "should", "at", "screening", "baseline", "result", "results", "total", "serum",
        "plasma", "blood", "score", "scores", "scale", "status", "performance", "ps", "class", "classification",
        "functional", "stage", "grade", "index", "rating", "pain", "severity", "intensity", "a", "an", "the", "as",
        "measured", "assessed", "confirmed", "documented", ":", "=", "average", "mean", "resting", "sitting",
        "seated", "fasting", "absolute", "test", "by", "local", "laboratory", "lab", "calculated", "estimated",
        "with", "having", "has", "have", "elevated", "only", "in", "who", "whose", "predicted", "standard", "overall",
        "global",
    ]);

    private static readonly WordTable BareFollowers = new(
    [
        "or", "and", "at", "on", "in", "points", "point", "only", "within", "during", "before", "prior", "for", "with", "without",
    ]);

    /// <summary>Tries to read a threshold after token <paramref name="from"/> within the segment.</summary>
    public static bool TryFind(ItemContext ctx, int from, ThresholdOptions options, out Threshold threshold)
    {
        threshold = default;
        var t = ctx.T;
        var end = ctx.SegmentEnd(Math.Min(from, t.Count - 1));
        var i = from;
        for (var skipped = 0; i < end && skipped <= MaxSkippedTokens; skipped++)
        {
            if (ctx.InZone(i, i + 1, ZoneFlags.Population) && !t.IsSymbol(i, ')'))
            {
                return false;
            }

            if (ThresholdParser.TryParse(t, i, ctx.Lexicon, options, out threshold))
            {
                if (IsPartOfAName(ctx, threshold))
                {
                    i = threshold.End;
                    continue;
                }

                return !ctx.AnyUsed(threshold.Start, threshold.End) && !ctx.InZone(threshold.Start, threshold.End, ZoneFlags.Silencing)
                    && !(t.IsSymbol(threshold.End, '+') && t.IsNumber(threshold.End + 1));
            }

            if (t.IsSymbol(i, '(') && SkipParenthesis(ctx, i, end) is var close and > 0)
            {
                i = close;
                continue;
            }

            if (IsFiller(ctx, i))
            {
                i++;
                continue;
            }

            return false;
        }

        return false;
    }

    /// <summary>A bare number glued to a name ("IIEF-15", "PHQ-9") or followed by more of the name ("... Function 6 (IIEF)").</summary>
    private static bool IsPartOfAName(ItemContext ctx, Threshold threshold)
    {
        var t = ctx.T;
        if (threshold.Comparator != Comparator.Equal || ctx.Lexicon.Comparators.Match(t, threshold.Start, out _) is not null)
        {
            return false;
        }

        var after = threshold.End;
        return t.IsSymbol(threshold.Start - 1, '-') || t.IsSymbol(after, '(')
            || (after < t.Count && t.Tokens[after].Kind == TokenKind.Word && !BareFollowers.Contains(t, after));
    }

    private static bool IsFiller(ItemContext ctx, int i)
    {
        var t = ctx.T;
        var token = t.Tokens[i];
        if (token.Kind == TokenKind.Symbol)
        {
            return t.IsSymbol(i, ':') || t.IsSymbol(i, '=') || t.IsSymbol(i, '(') || t.IsSymbol(i, ')') || t.IsSymbol(i, '-');
        }

        if (token.Kind != TokenKind.Word)
        {
            return false;
        }

        return ctx.MentionAt(i) is { Category: TermCategory.Sex }
            || (Fillers.Contains(t, i)
                && ctx.MentionAt(i) is not { Category: TermCategory.Measurement or TermCategory.Score or TermCategory.Condition });
    }

    /// <summary>Index after the ')' of a parenthesis without numbers or comparators, or -1.</summary>
    private static int SkipParenthesis(ItemContext ctx, int open, int end)
    {
        var t = ctx.T;
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (t.IsSymbol(i, '('))
            {
                depth++;
            }
            else if (t.IsSymbol(i, ')'))
            {
                if (--depth == 0)
                {
                    return i + 1;
                }
            }
            else if (t.IsNumber(i) || ctx.Lexicon.Comparators.Match(t, i, out _) is not null)
            {
                return -1;
            }
        }

        return -1;
    }
}
