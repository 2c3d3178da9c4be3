using System.Text;
using System.Text.RegularExpressions;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Corpus;

/// <summary>Every eligibility text of tests/fixtures/ctgov-v2 parses, keeps all its words and keeps unstructured items as text.</summary>
public sealed partial class CorpusTests
{
    [Fact]
    public void Parse_AllRecords_KeepEveryWordInHeadingsLabelsMarkersAndItems()
    {
        var failures = new List<string>();
        foreach (var file in CtgovRecord.AllFiles())
        {
            var record = CtgovRecord.Load(file);
            var parsed = EligibilityCriteriaParser.Parse(record.Criteria);
            var expected = Letters(Unescaped(record.Criteria));
            var actual = Letters(Rebuild(parsed));
            if (expected != actual)
            {
                var at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], Math.Min(expected.Length, actual.Length));
                failures.Add($"{record.NctId}: text differs at letter {at}: expected '…{Snippet(expected, at)}…', rebuilt '…{Snippet(actual, at)}…'");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Parse_AllRecords_EveryItemHasCriteriaAndUnstructuredItemsKeepTheirText()
    {
        var failures = new List<string>();
        var items = 0;
        foreach (var file in CtgovRecord.AllFiles())
        {
            var record = CtgovRecord.Load(file);
            foreach (var item in EligibilityCriteriaParser.Parse(record.Criteria, record.Context).Items)
            {
                items++;
                if (item.Criteria.Count == 0)
                {
                    failures.Add($"{record.NctId} {item.Id}: no criteria");
                }
                else if (!item.IsStructured && (item.Criteria.Count != 1 || item.Criteria[0].Kind != CriterionKind.FreeText || item.Criteria[0].Source.Text != item.Text))
                {
                    failures.Add($"{record.NctId} {item.Id}: unstructured item does not keep its text as one free-text criterion");
                }
                else if (item.Criteria.Any(c => c.ItemText != item.Text || c.Source.Start < 0 || c.Source.Start + c.Source.Length > item.Text.Length
                    || item.Text.Substring(c.Source.Start, c.Source.Length) != c.Source.Text))
                {
                    failures.Add($"{record.NctId} {item.Id}: a source span does not point into the item text");
                }
            }
        }

        Assert.True(items > 10000, $"only {items} items parsed");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Parse_AllRecords_FindStructuredCriteriaInMostRecords()
    {
        var records = CtgovRecord.AllFiles().Select(CtgovRecord.Load).Where(r => r.Criteria.Length > 0).ToList();
        var structured = records.Count(r => EligibilityCriteriaParser.Parse(r.Criteria).Items.Any(i => i.IsStructured));

        Assert.True(structured >= records.Count * 0.9, $"{structured} of {records.Count} records have structured criteria");
    }

    private static string Rebuild(ParsedCriteria parsed)
    {
        var sb = new StringBuilder();
        foreach (var entry in parsed.Outline)
        {
            sb.Append(' ').Append(entry.Item?.Marker).Append(' ').Append(entry.Text);
        }

        return sb.ToString();
    }

    private static string Unescaped(string markdown) =>
        string.Join('\n', FhirTrials.Eligibility.Splitting.MarkdownText.Lines(markdown));

    private static string Letters(string text) => NotLetterOrDigit().Replace(text, "");

    private static string Snippet(string text, int at) => text.Substring(Math.Max(0, at - 20), Math.Min(40, text.Length - Math.Max(0, at - 20)));

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NotLetterOrDigit();
}
