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
    public static void Extract(ItemContext ctx)
    {
        List<MeasurementDefinition>? lastGroup = null;
        var lastSegment = -1;
        var mentions = ctx.Mentions;
        for (var m = 0; m < mentions.Length; m++)
        {
            var mention = mentions[m];
            if (mention.Category != TermCategory.Measurement || ctx.Used[mention.Start]
                || ctx.InZone(mention.Start, mention.End, ZoneFlags.Silencing) || NamesAChange(ctx, mention.Start))
            {
                continue;
            }

            var group = MentionGroups.Collect(ctx, m, TermCategory.Measurement, out var next);
            var before = TryFindBefore(ctx, group[0].Start);
            var thresholds = ThresholdLocator.TryFind(ctx, group[^1].End, ThresholdOptions.None, out var first)
                ? MentionGroups.WithContinuations(ctx, first, ThresholdOptions.None)
                : [];
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
            foreach (var definition in MentionGroups.Distinct(group, x => x.Term.Measurement!))
            {
                foreach (var threshold in thresholds.SelectMany(x => x.Expand()))
                {
                    if (Accepts(definition, threshold))
                    {
                        ctx.Add(Create(ctx, definition, threshold, start));
                        emitted = true;
                    }
                }
            }

            if (emitted)
            {
                ctx.MarkUsed(start, Math.Max(group[^1].End, thresholds[^1].End));
                lastGroup = [.. MentionGroups.Distinct(group, x => x.Term.Measurement!)];
                lastSegment = ctx.Segment[thresholds[^1].End - 1];
                m = next - 1;
            }
        }

        if (lastGroup is not null)
        {
            ExtractElliptical(ctx, lastGroup, lastSegment);
        }

        ExtractSlashPairs(ctx);
    }

    /// <summary>"AST and ALT ≤ 2.5 × ULN; ≤ 5 × ULN in the presence of liver metastases": the next clause repeats the tests.</summary>
    private static void ExtractElliptical(ItemContext ctx, List<MeasurementDefinition> group, int segment)
    {
        var t = ctx.T;
        var start = Array.IndexOf(ctx.Segment, segment + 1);
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

        foreach (var definition in group.Where(d => Accepts(d, threshold)))
        {
            ctx.Add(Create(ctx, definition, threshold, start));
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
