using System.Text;
using System.Text.RegularExpressions;

namespace FhirTrials.Eligibility.Tests.Corpus;

/// <summary>Generated odd inputs: the parser never throws and never loses a letter.</summary>
public sealed partial class RobustnessTests
{
    private static readonly string[] Pieces =
    [
        "Inclusion Criteria:", "Exclusion criteria", "\n", "\n\n", "  ", "* ", "- ", "1. ", "2) ", "a.", "(i) ", "• ", "\\>", "\\<", "≥", "≤",
        "Age ", "18", "-", "65 years", " old", "x10^9/L", "×10⁹", "75.010^9", "ULN", " within ", "4 weeks", "HIV", " or ", "pregnant",
        "no ", "except ", "for patients with ", "(", ")", ";", ".", ",", "PASI", ">", "10", "%", "1moderate", " 218", "<!-- -->", "**",
        "ECOG 0-1", "mmHg", "/", "140/90", "  a.Neutrophils", "; b.Hemoglobin", "Note: ", "创建", "\t",
    ];

    [Fact]
    public void Parse_GeneratedText_NeverThrowsAndKeepsEveryLetter()
    {
        var random = new Random(29);
        var failures = new List<string>();
        for (var n = 0; n < 600; n++)
        {
            var sb = new StringBuilder();
            for (var k = random.Next(1, 40); k > 0; k--)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = sb.ToString();
            try
            {
                var parsed = EligibilityCriteriaParser.Parse(text);
                var rebuilt = string.Concat(parsed.Outline.Select(e => " " + e.Item?.Marker + " " + e.Text));
                var expected = string.Join('\n', FhirTrials.Eligibility.Splitting.MarkdownText.Lines(text));
                if (Letters(rebuilt) != Letters(expected))
                {
                    failures.Add($"lost text: {Escape(text)}");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"{ex.GetType().Name}: {Escape(text)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }

    private static string Letters(string text) => NotLetterOrDigit().Replace(text, "");

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NotLetterOrDigit();
}
