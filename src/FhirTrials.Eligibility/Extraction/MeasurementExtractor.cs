using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Laboratory values, vital signs and BMI with their thresholds: "WBC(white blood cell count) &lt;3.5x109/L",
/// "AST(...)/ALT(...) &gt;2.0 x ULN" (one threshold for a list of tests), "Ca2+ &gt; 2.9 mmol/L or &lt; 2 mmol/L"
/// (several thresholds for one test), "systolic blood pressure &lt; 90 or &gt;150 mmHg" (unit shared).
/// </summary>
internal static partial class MeasurementExtractor
{
    private static readonly Func<Mention, MeasurementDefinition> DefinitionOf = static x => x.Term.Measurement!;

    public static void Extract(ItemContext ctx)
    {
        var lastGroupStart = -1;
        var lastGroupEnd = -1;
        var lastSegment = -1;
        var mentions = ctx.Mentions;
        var thresholds = ctx.Thresholds;
        for (var m = 0; m < mentions.Length; m++)
        {
            var mention = mentions[m];
            if (mention.Category != TermCategory.Measurement || ctx.Used[mention.Start]
                || ctx.InZone(mention.Start, mention.End, ZoneFlags.Silencing) || NamesAChange(ctx, mention.Start))
            {
                continue;
            }

            var next = MentionGroups.Collect(ctx, m, TermCategory.Measurement);
            var group = mentions[m..next];
            var before = TryFindBefore(ctx, group[0].Start);
            thresholds.Clear();
            if (ThresholdLocator.TryFind(ctx, group[^1].End, ThresholdOptions.None, out var first))
            {
                MentionGroups.WithContinuations(ctx, first, ThresholdOptions.None, thresholds);
            }

            if (before is { } b)
            {
                thresholds.Insert(0, b);
                MentionGroups.ShareUnits(thresholds);
            }

            if (thresholds.Count == 0)
            {
                continue;
            }

            var start = Math.Min(group[0].Start, thresholds[0].Start);
            var emitted = false;
            for (var g = 0; g < group.Length; g++)
            {
                if (MentionGroups.RepeatsEarlier(group, g, DefinitionOf))
                {
                    continue;
                }

                var definition = DefinitionOf(group[g]);
                foreach (var threshold in thresholds)
                {
                    var parts = threshold.Split(out var part, out var second);
                    for (var p = 0; p < parts; p++, part = second)
                    {
                        if (Accepts(definition, part))
                        {
                            ctx.Add(Create(ctx, definition, part, start));
                            emitted = true;
                        }
                    }
                }
            }

            if (emitted)
            {
                ctx.MarkUsed(start, Math.Max(group[^1].End, thresholds[^1].End));
                (lastGroupStart, lastGroupEnd) = (m, next);
                lastSegment = ctx.Segment[thresholds[^1].End - 1];
                m = next - 1;
            }
        }

        if (lastGroupStart >= 0)
        {
            ExtractElliptical(ctx, mentions[lastGroupStart..lastGroupEnd], lastSegment);
        }

        ExtractSlashPairs(ctx);
    }

    /// <summary>"AST and ALT ≤ 2.5 × ULN; ≤ 5 × ULN in the presence of liver metastases": the next clause repeats the tests.</summary>
    private static void ExtractElliptical(ItemContext ctx, ReadOnlySpan<Mention> group, int segment)
    {
        var t = ctx.T;
        var start = ctx.Segment.IndexOf(segment + 1);
        if (start < 0)
        {
            return;
        }

        if (t.IsWord(start, "and") || t.IsWord(start, "or"))
        {
            start++;
        }

        if (ctx.Used.Length <= start || ctx.Used[start] || ctx.MentionAt(start) is not { Category: TermCategory.Comparator }
            || !ThresholdParser.TryParse(t, start, ctx.Lexicon, ThresholdOptions.None, out var threshold)
            || ctx.InZone(threshold.Start, threshold.End, ZoneFlags.Silencing))
        {
            return;
        }

        for (var g = 0; g < group.Length; g++)
        {
            var definition = DefinitionOf(group[g]);
            if (!MentionGroups.RepeatsEarlier(group, g, DefinitionOf) && Accepts(definition, threshold))
            {
                ctx.Add(Create(ctx, definition, threshold, start));
            }
        }

        ctx.MarkUsed(start, threshold.End);
    }

    private static bool Accepts(MeasurementDefinition definition, Threshold threshold)
    {
        if (threshold.Limit != NormalLimit.None)
        {
            return definition.Kind == MeasurementKind.Laboratory || definition.Key == "lvef";
        }

        if (threshold.Dimension is { } dimension)
        {
            return definition.Dimensions.Contains(dimension);
        }

        return threshold.Unit is null && !definition.RequiresUnit;
    }

    private static StructuredCriterion Create(ItemContext ctx, MeasurementDefinition definition, Threshold threshold, int start)
    {
        var unit = NormalizeUnit(definition, threshold);
        return new StructuredCriterion
        {
            Kind = definition.Kind == MeasurementKind.BodyMassIndex ? CriterionKind.BodyMassIndex : CriterionKind.Measurement,
            Code = definition.CodeFor(threshold.Dimension),
            Comparator = threshold.Comparator,
            Value = threshold.Value,
            Low = threshold.Low,
            High = threshold.High,
            Unit = unit,
            NormalLimit = threshold.Limit,
            Exclude = ctx.IsExclusion,
            Source = ctx.Span(start, threshold.End),
            ItemText = ctx.Original,
        };
    }

    private static string? NormalizeUnit(MeasurementDefinition definition, Threshold threshold)
    {
        if (threshold.Limit != NormalLimit.None)
        {
            return null;
        }

        if (threshold.Unit is null)
        {
            return definition.Kind == MeasurementKind.BodyMassIndex ? definition.Unit : null;
        }

        return definition.ImpliedRate is { } rate && threshold.Dimension == "mass" ? $"{threshold.Unit}/({rate})" : threshold.Unit;
    }
}
