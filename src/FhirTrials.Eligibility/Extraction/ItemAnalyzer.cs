using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Reads the structured criteria of one item; an item with none keeps a single free-text criterion.</summary>
internal static class ItemAnalyzer
{
    public static IReadOnlyList<StructuredCriterion> Analyze(string text, CriteriaSection section, string? heading, Lexicon lexicon, int depth = 0)
    {
        var ctx = ItemContext.Rent(text, section, heading, lexicon, depth);
        if (ctx.T.Count > 0)
        {
            MeasurementExtractor.Extract(ctx);
            ScoreExtractor.Extract(ctx);
            AgeExtractor.Extract(ctx);
            SexExtractor.Extract(ctx);
            ConditionExtractor.Extract(ctx);
            TimeWindowExtractor.Extract(ctx);
        }

        if (ctx.Criteria.Count == 0)
        {
            ctx.Return();
            return
            [
                new StructuredCriterion
                {
                    Kind = CriterionKind.FreeText,
                    Code = Codes.FreeText,
                    Exclude = section == CriteriaSection.Exclusion,
                    Source = new SourceSpan(0, text.Length, text),
                    ItemText = text,
                },
            ];
        }

        ctx.Criteria.Sort(static (a, b) => a.Source.Start.CompareTo(b.Source.Start));
        IReadOnlyList<StructuredCriterion> criteria = [.. ctx.Criteria];
        ctx.Return();
        return criteria;
    }
}
