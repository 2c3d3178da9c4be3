using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Age criteria from thresholds, and a second bound after the first ("over 18 years of age up to 70").</summary>
internal static partial class AgeExtractor
{
    private static void Emit(ItemContext ctx, int start, Threshold threshold, int end)
    {
        var parts = threshold.Split(out var first, out var second);
        EmitOne(ctx, start, first, end);
        if (parts == 2)
        {
            EmitOne(ctx, start, second, end);
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

        if (ctx.Lexicon.Comparators.Match(t, i, out _) is null
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
