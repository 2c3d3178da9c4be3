using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Tests.Evaluation;

/// <summary>A parser output in the form the annotations are compared with: one per criterion, one per time window.</summary>
public sealed record PredictedFact(string Group, CriteriaItem Item, StructuredCriterion Criterion, string About)
{
    /// <summary>The measured groups (kinds) of the evaluation.</summary>
    public static readonly string[] Groups = ["age", "sex", "bmi", "measurement", "score", "reproductive", "infection", "window"];

    public static List<PredictedFact> From(ParsedCriteria parsed)
    {
        var categories = Lexicon.Default.Conditions.ToDictionary(c => c.Code.Code, c => c.Category, StringComparer.Ordinal);
        var facts = new List<PredictedFact>();
        foreach (var item in parsed.Items)
        {
            var windows = new Dictionary<TimeWindow, List<StructuredCriterion>>(ReferenceEqualityComparer.Instance);
            foreach (var criterion in item.Criteria)
            {
                if (GroupOf(criterion, categories) is { } group)
                {
                    facts.Add(new PredictedFact(group, item, criterion, ""));
                }

                if (criterion.TimeWindow is { } w)
                {
                    if (!windows.TryGetValue(w, out var list))
                    {
                        windows[w] = list = [];
                    }

                    list.Add(criterion);
                }
            }

            foreach (var list in windows.Values)
            {
                var about = string.Join(" | ", list.SelectMany(c => new[] { c.TimeWindow!.Subject, c.Qualifier, c.Code?.Display, c.Source.Text }));
                facts.Add(new PredictedFact("window", item, list[0], about));
            }
        }

        return facts;
    }

    private static string? GroupOf(StructuredCriterion criterion, Dictionary<string, ConditionCategory> categories) => criterion.Kind switch
    {
        CriterionKind.Age => "age",
        CriterionKind.Sex => "sex",
        CriterionKind.BodyMassIndex => "bmi",
        CriterionKind.Measurement => "measurement",
        CriterionKind.Score => "score",
        CriterionKind.Condition when criterion.Code is { } code && categories.TryGetValue(code.Code, out var category) => category switch
        {
            ConditionCategory.Reproductive => "reproductive",
            ConditionCategory.Infection => "infection",
            _ => null,
        },
        _ => null,
    };

    public override string ToString()
    {
        var c = Criterion;
        var value = c.Comparator == Comparator.Range ? $"{c.Low}..{c.High}" : $"{c.Comparator?.ToSymbol()} {c.Value}";
        var window = c.TimeWindow is { } w ? $" window {w.Direction} {w.Value} {w.Unit} about '{w.Subject}'" : "";
        return $"{Group} {c.Code?.Code} {c.ValueCode?.Code} {value} {c.Unit}{(c.NormalLimit == NormalLimit.None ? "" : "x" + c.NormalLimit)} excl={c.Exclude}{window}  [«{c.Source.Text}» in {Item.Id}]";
    }
}
