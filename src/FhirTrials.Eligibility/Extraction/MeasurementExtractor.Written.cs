using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Thresholds written before the test ("90 ≤ sitSBP &lt; 140 mmHg") and blood-pressure pairs ("&gt;170/110 mm Hg").</summary>
internal static partial class MeasurementExtractor
{
    private static readonly WordTable ChangeWords = new(
    [
        "gap", "difference", "change", "changes", "reduction", "increase", "decrease", "drop", "fall", "rise", "variation",
        "fluctuation", "decline", "elevates", "elevation",
    ]);

    /// <summary>"blood pressure gap ... sitSBP ≥20mmHg", "change in HbA1c": the threshold is on a difference, not the value.</summary>
    private static bool NamesAChange(ItemContext ctx, int mentionStart)
    {
        for (var i = Math.Max(ctx.SegmentStart(mentionStart), mentionStart - 6); i < mentionStart; i++)
        {
            if (ctx.T.Tokens[i].Kind == Text.TokenKind.Word && ChangeWords.Contains(ctx.T, i))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"90 ≤ SBP": a number and a comparator right before the test, read from the test's side (SBP ≥ 90).</summary>
    private static Threshold? TryFindBefore(ItemContext ctx, int mentionStart)
    {
        var t = ctx.T;
        if (ctx.MentionEndingAt(mentionStart - 1) is not { Category: TermCategory.Comparator } comparator
            || comparator.Term.Comparator == Comparator.Equal || !t.IsNumber(comparator.Start - 1)
            || !QuantityParser.TryParse(t, comparator.Start - 1, ctx.Lexicon, out var quantity) || quantity.End != comparator.Start
            || ctx.AnyUsed(quantity.Start, mentionStart) || ctx.InZone(quantity.Start, mentionStart, ZoneFlags.Silencing))
        {
            return null;
        }

        return Threshold.From(comparator.Term.Comparator.Mirror(), quantity, quantity.Start, comparator.End);
    }

    /// <summary>The first measurement with a slash pair measured in <paramref name="ucum"/>, if any.</summary>
    private static MeasurementDefinition? SlashPairFirst(Lexicon lexicon, string? ucum)
    {
        foreach (var measurement in lexicon.Measurements)
        {
            if (measurement.SlashPair is not null && measurement.Unit == ucum)
            {
                return measurement;
            }
        }

        return null;
    }

    /// <summary>"&gt; 140/90 mmHg": the first number is the measurement with a slash pair, the second its pair.</summary>
    private static void ExtractSlashPairs(ItemContext ctx)
    {
        var t = ctx.T;
        for (var i = 1; i + 2 < t.Count; i++)
        {
            if (!t.IsNumber(i) || !t.IsSymbol(i + 1, '/') || !t.IsNumber(i + 2) || ctx.AnyUsed(i - 1, i + 3)
                || ctx.MentionEndingAt(i - 1) is not { Category: TermCategory.Comparator } comparator
                || ctx.InZone(comparator.Start, i + 3, ZoneFlags.Silencing))
            {
                continue;
            }

            var unit = ctx.Lexicon.Units.Match(t.Text, t.StartOf(i + 3), out var unitEnd);
            var first = SlashPairFirst(ctx.Lexicon, unit?.Ucum);
            if (first?.SlashPair is not { } second || !NumberParser.TryParse(t.Span(i), out var a) || !NumberParser.TryParse(t.Span(i + 2), out var b))
            {
                continue;
            }

            var end = t.IndexAtOrAfter(unitEnd);
            var op = comparator.Term.Comparator;
            ctx.Add(Create(ctx, first, new Threshold(op, a, null, null, unit!.Ucum, null, unit.Dimension, NormalLimit.None, comparator.Start, end), comparator.Start));
            ctx.Add(Create(ctx, second, new Threshold(op, b, null, null, unit.Ucum, null, unit.Dimension, NormalLimit.None, comparator.Start, end), comparator.Start));
            ctx.MarkUsed(comparator.Start, end);
            i = end;
        }
    }
}
