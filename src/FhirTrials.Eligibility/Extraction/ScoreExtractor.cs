using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Disease activity, severity and performance scores: "PASI&gt;10", "ECOG performance status 0-1", "ECOG PS of 0 or 1",
/// "Disease Activity Score (DAS) 28≥3.2", "Hoehn and Yahr stage of II-IV", and the value first:
/// "≥10% of BSA", "heart failure III or IV NYHA".
/// </summary>
internal static class ScoreExtractor
{
    private const int MaxLookBack = 6;

    /// <summary>A bare number ("ECOG 2") is a score value only on small scales; "IIEF score 25" lost its comparator.</summary>
    private const int MaxBareScale = 10;

    private static readonly Func<Mention, ScoreDefinition> DefinitionOf = static x => x.Term.Score!;

    public static void Extract(ItemContext ctx)
    {
        var mentions = ctx.Mentions;
        for (var m = 0; m < mentions.Length; m++)
        {
            var mention = mentions[m];
            if (mention.Category != TermCategory.Score || ctx.Used[mention.Start]
                || ctx.InZone(mention.Start, mention.End, ZoneFlags.Silencing))
            {
                continue;
            }

            var next = MentionGroups.Collect(ctx, m, TermCategory.Score);
            var group = mentions[m..next];
            var definition = group[0].Term.Score!;
            var options = ThresholdOptions.AllowSet | (definition.Max <= MaxBareScale ? ThresholdOptions.AllowBare : 0) | (definition.Roman ? ThresholdOptions.AllowRoman : 0);
            var thresholds = ctx.Thresholds;
            int start;
            if (ThresholdLocator.TryFind(ctx, group[^1].End, options, out var after) && Valid(definition, after))
            {
                MentionGroups.WithContinuations(ctx, after, options & ~ThresholdOptions.AllowBare, thresholds);
                start = group[0].Start;
            }
            else if (TryFindBefore(ctx, mention.Start, options, definition, out var before))
            {
                thresholds.Clear();
                thresholds.Add(before);
                start = before.Start;
            }
            else
            {
                continue;
            }

            for (var g = 0; g < group.Length; g++)
            {
                if (MentionGroups.RepeatsEarlier(group, g, DefinitionOf))
                {
                    continue;
                }

                var score = DefinitionOf(group[g]);
                foreach (var threshold in thresholds)
                {
                    if (!Valid(score, threshold))
                    {
                        continue;
                    }

                    var parts = threshold.Split(out var part, out var second);
                    for (var p = 0; p < parts; p++, part = second)
                    {
                        ctx.Add(Create(ctx, score, part, start, Math.Max(part.End, group[^1].End)));
                    }
                }
            }

            ctx.MarkUsed(Math.Min(start, group[0].Start), Math.Max(thresholds[^1].End, group[^1].End));
            m = next - 1;
        }
    }

    /// <summary>"≥10% of BSA", "III or IV NYHA": a threshold ending right before the score (an "of" may sit between).</summary>
    private static bool TryFindBefore(ItemContext ctx, int mentionStart, ThresholdOptions options, ScoreDefinition definition, out Threshold threshold)
    {
        threshold = default;
        var segmentStart = ctx.SegmentStart(mentionStart);
        var target = ctx.T.IsWord(mentionStart - 1, "of") ? mentionStart - 1 : mentionStart;
        for (var i = Math.Max(segmentStart, target - MaxLookBack); i < target; i++)
        {
            if (ThresholdParser.TryParse(ctx.T, i, ctx.Lexicon, options & ~ThresholdOptions.AllowBare, out var candidate)
                && candidate.End == target && Valid(definition, candidate) && !ctx.AnyUsed(candidate.Start, candidate.End)
                && !ctx.InZone(candidate.Start, candidate.End, ZoneFlags.Silencing))
            {
                threshold = candidate;
                return true;
            }
        }

        return false;
    }

    private static bool Valid(ScoreDefinition definition, Threshold threshold)
    {
        if (threshold.Limit != NormalLimit.None || (threshold.Unit is not null && threshold.Unit != "%"))
        {
            return false;
        }

        return threshold.Comparator == Comparator.Range
            ? InScale(definition, threshold.Low) && InScale(definition, threshold.High)
            : InScale(definition, threshold.Value);
    }

    private static bool InScale(ScoreDefinition definition, decimal? value) =>
        value is { } x && x >= definition.Min && x <= definition.Max;

    private static StructuredCriterion Create(ItemContext ctx, ScoreDefinition definition, Threshold threshold, int start, int end) => new()
    {
        Kind = CriterionKind.Score,
        Code = definition.Code,
        Comparator = threshold.Comparator,
        Value = threshold.Value,
        Low = threshold.Low,
        High = threshold.High,
        Unit = definition.Unit,
        Exclude = ctx.IsExclusion,
        Source = ctx.Span(start, end),
        ItemText = ctx.Original,
    };
}
