using System.Text.RegularExpressions;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Tests.Evaluation;

/// <summary>Counts per group: matched, predicted, expected.</summary>
public sealed class GroupScore
{
    public int Matched { get; set; }

    public int Predicted { get; set; }

    public int Expected { get; set; }

    public double Precision => Predicted == 0 ? 1 : (double)Matched / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;
}

/// <summary>The evaluation of all annotated records, with the misses and false positives for diagnosis.</summary>
public sealed class EvaluationResult
{
    public Dictionary<string, GroupScore> Groups { get; } = PredictedFact.Groups.ToDictionary(g => g, _ => new GroupScore());

    public List<string> Missed { get; } = [];

    public List<string> Spurious { get; } = [];

    public GroupScore Overall => new()
    {
        Matched = Groups.Values.Sum(g => g.Matched),
        Predicted = Groups.Values.Sum(g => g.Predicted),
        Expected = Groups.Values.Sum(g => g.Expected),
    };
}

/// <summary>
/// Matches parser output to the annotations one-to-one, per group, in annotation order. A prediction matches when its
/// item contains the annotated anchor and every annotated field agrees (see README.md).
/// </summary>
public static partial class EvaluationScorer
{
    public static EvaluationResult Score(IEnumerable<AnnotationFile> files)
    {
        var result = new EvaluationResult();
        foreach (var file in files)
        {
            var facts = PredictedFact.From(EligibilityCriteriaParser.Parse(file.CriteriaText()));
            var used = new bool[facts.Count];
            foreach (var expected in file.Criteria)
            {
                var group = result.Groups[expected.Kind];
                group.Expected++;
                var match = Enumerable.Range(0, facts.Count).FirstOrDefault(i => !used[i] && Matches(expected, facts[i]), -1);
                if (match >= 0)
                {
                    used[match] = true;
                    group.Matched++;
                }
                else
                {
                    result.Missed.Add($"{file.Id}: {expected}");
                }
            }

            for (var i = 0; i < facts.Count; i++)
            {
                result.Groups[facts[i].Group].Predicted++;
                if (!used[i])
                {
                    result.Spurious.Add($"{file.Id}: {facts[i]}");
                }
            }
        }

        return result;
    }

    public static bool Matches(ExpectedCriterion e, PredictedFact p)
    {
        var c = p.Criterion;
        if (e.Kind != p.Group || e.Exclude != c.Exclude || !Normalize(p.Item.Text).Contains(Normalize(e.Item), StringComparison.Ordinal))
        {
            return false;
        }

        if (e.Kind == "window")
        {
            var w = c.TimeWindow!;
            return w.Value == e.Window!.Value && w.Unit == e.Window.Unit && Direction(w.Direction) == e.Window.Dir
                && p.About.Contains(e.About ?? "", StringComparison.OrdinalIgnoreCase);
        }

        if (e.Kind == "sex")
        {
            return c.ValueCode?.Code == e.Sex;
        }

        return CodeMatches(e.Code, c) && ValuesMatch(e, c);
    }

    private static bool CodeMatches(string? expected, StructuredCriterion c)
    {
        if (expected is null)
        {
            return true;
        }

        var colon = expected.IndexOf(':');
        return c.Code is { } code && code.System == CodeSystems.Resolve(expected[..colon]) && code.Code == expected[(colon + 1)..];
    }

    private static bool ValuesMatch(ExpectedCriterion e, StructuredCriterion c)
    {
        if (e.Cmp is null)
        {
            return true;
        }

        var limit = c.NormalLimit switch
        {
            NormalLimit.Upper => "uln",
            NormalLimit.Lower => "lln",
            _ => null,
        };
        return Comparator(e.Cmp) == c.Comparator && e.Value == c.Value && e.Low == c.Low && e.High == c.High
            && e.Unit == c.Unit && e.Limit == limit;
    }

    private static Comparator Comparator(string cmp) => cmp switch
    {
        "lt" => Model.Comparator.LessThan,
        "le" => Model.Comparator.LessOrEqual,
        "eq" => Model.Comparator.Equal,
        "ge" => Model.Comparator.GreaterOrEqual,
        "gt" => Model.Comparator.GreaterThan,
        "range" => Model.Comparator.Range,
        _ => throw new InvalidDataException("Unknown comparator in annotation: " + cmp),
    };

    private static string Direction(TimeWindowDirection direction) => direction switch
    {
        TimeWindowDirection.Within => "within",
        TimeWindowDirection.MoreThanAgo => "ago",
        TimeWindowDirection.DurationAtLeast => "min-duration",
        _ => "max-duration",
    };

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim().ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
