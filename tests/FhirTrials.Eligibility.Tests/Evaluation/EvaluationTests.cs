using System.Globalization;
using Xunit.Abstractions;

namespace FhirTrials.Eligibility.Tests.Evaluation;

/// <summary>Precision and recall of the parser on the hand-annotated records (guideline: README.md here).</summary>
public sealed class EvaluationTests(ITestOutputHelper output)
{
    private const double PrecisionGoal = 0.95;
    private const double RecallGoal = 0.90;

    [Fact]
    public void Score_AnnotatedRecords_MeetsPrecisionAndRecallGoals()
    {
        var development = AnnotationFile.LoadFolder(Support.RepositoryPaths.Annotations);
        var heldOut = AnnotationFile.LoadFolder(Support.RepositoryPaths.HeldOutAnnotations);
        var secondHeldOut = AnnotationFile.LoadFolder(Support.RepositoryPaths.SecondHeldOutAnnotations);
        var thirdHeldOut = AnnotationFile.LoadFolder(Support.RepositoryPaths.ThirdHeldOutAnnotations);
        Report("development set (annotated before the parser; rules developed on it)", development, details: false);
        Report("held-out set 1 (annotated after round 1; its errors guided round 2)", heldOut, details: false);
        Report("held-out set 2 (random, annotated after round 2; its errors guided round 3)", secondHeldOut, details: false);
        Report("held-out set 3 (random, annotated after round 3; never used to change the parser)", thirdHeldOut, details: true);
        var all = Report("all annotated records", [.. development, .. heldOut, .. secondHeldOut, .. thirdHeldOut], details: true);

        Assert.True(all.Overall.Precision >= PrecisionGoal, $"precision {all.Overall.Precision:F3} < {PrecisionGoal}");
        Assert.True(all.Overall.Recall >= RecallGoal, $"recall {all.Overall.Recall:F3} < {RecallGoal}");
    }

    private EvaluationResult Report(string title, IReadOnlyList<AnnotationFile> files, bool details)
    {
        var result = EvaluationScorer.Score(files);
        output.WriteLine($"== {title}: {files.Count} records ({files.Count(f => f.IsSeed)} seed pages), {result.Overall.Expected} annotated criteria");
        output.WriteLine("kind          expected predicted matched precision recall");
        foreach (var (name, g) in result.Groups)
        {
            output.WriteLine(Row(name, g));
        }

        output.WriteLine(Row("overall", result.Overall));
        output.WriteLine("");
        if (details)
        {
            output.WriteLine("Missed (annotated, not found):");
            result.Missed.ForEach(m => output.WriteLine("  " + m));
            output.WriteLine("Spurious (found, not annotated):");
            result.Spurious.ForEach(s => output.WriteLine("  " + s));
        }

        return result;
    }

    [Fact]
    public void Annotations_CoverAtLeastTwentyRecordsAndTheThreeSeedTrials()
    {
        var files = AnnotationFile.LoadFolder(Support.RepositoryPaths.Annotations);

        Assert.True(files.Count(f => !f.IsSeed) >= 20, "fewer than 20 ClinicalTrials.gov records annotated");
        foreach (var seed in new[] { "NCT03765957", "NCT01741857", "NCT03798028" })
        {
            Assert.Contains(files, f => f.IsSeed && f.Id == seed);
        }
    }

    [Fact]
    public void Annotations_EveryAnchorOccursInTheCriteriaText()
    {
        var problems = new List<string>();
        foreach (var file in AnnotationFile.LoadAll())
        {
            var text = System.Text.RegularExpressions.Regex.Replace(EligibilityCriteriaParser.Parse(file.CriteriaText()).Items
                .Select(i => i.Text).Aggregate("", (a, b) => a + "\n" + b), @"\s+", " ").ToLowerInvariant();
            problems.AddRange(file.Criteria
                .Where(c => !text.Contains(System.Text.RegularExpressions.Regex.Replace(c.Item, @"\s+", " ").ToLowerInvariant(), StringComparison.Ordinal))
                .Select(c => $"{file.FileName}: anchor not in any item: '{c.Item}'"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static string Row(string name, GroupScore g) => string.Format(
        CultureInfo.InvariantCulture, "{0,-13} {1,8} {2,9} {3,7} {4,9:F3} {5,6:F3}", name, g.Expected, g.Predicted, g.Matched, g.Precision, g.Recall);
}
