using System.Globalization;
using System.Text;
using FhirTrials.Testing;
using Xunit.Abstractions;

namespace FhirTrials.Validation.Tests.Conformance;

/// <summary>
/// Agreement with the HL7 (Java) validator on the R4 JSON validator test cases that need no
/// terminology server: the same verdict (valid or invalid) and the same number of errors. Prints the
/// figures and every disagreement with its reason (from disagreement-reasons.txt), and writes them to
/// disagreements.txt next to this file so that any change shows in the diff. A disagreement without a
/// recorded reason, or a reason for a run we now agree on, fails the test: none is silently skipped.
/// </summary>
public sealed class ValidatorConformanceTests(ITestOutputHelper output)
{
    /// <summary>The share of runs where we and the HL7 validator agree on valid vs invalid.</summary>
    private const double RequiredVerdictAgreement = 0.90;

    /// <summary>The share where the error counts agree too (the HL7 validator reports some problems twice, e.g. once per profile).</summary>
    private const double RequiredCountAgreement = 0.90;

    [Fact]
    public void Validate_HL7ValidatorCases_AgreesWithJavaOnAtLeast90PercentOfVerdictsAndCounts()
    {
        var cases = ConformanceCase.Load();
        var reasons = DisagreementReasons.Load();
        var unexplained = new List<string>();
        var disagreeing = new HashSet<string>(StringComparer.Ordinal);
        var included = cases.Where(c => c.Excluded is null).ToList();
        var report = new StringBuilder();
        var sameVerdict = 0;
        var sameCount = 0;
        var disagreements = new List<string>();
        foreach (var testCase in included)
        {
            ValidationResult result;
            try
            {
                result = ConformanceRunner.Run(testCase);
            }
            catch (Exception ex)
            {
                disagreements.Add($"{testCase}: crashed: {ex.GetType().Name}: {ex.Message}");
                unexplained.Add(testCase.ToString());
                continue;
            }

            var verdict = result.IsValid == (testCase.ExpectedErrors == 0);
            var count = result.ErrorCount == testCase.ExpectedErrors;
            sameVerdict += verdict ? 1 : 0;
            sameCount += verdict && count ? 1 : 0;
            if (!(verdict && count))
            {
                var ours = string.Join(" | ", result.Issues.Where(i => i.IsError).Select(i => $"{i.Expression}: {i.Message}"));
                var reason = reasons.For(testCase);
                disagreeing.Add(testCase.ToString());
                if (reason is null)
                {
                    unexplained.Add(testCase.ToString());
                }

                disagreements.Add($"{testCase} ({testCase.Module}): java {testCase.ExpectedErrors} errors, ours {result.ErrorCount}{(verdict ? " (same verdict)" : string.Empty)}{Environment.NewLine}    why: {reason ?? "NO REASON RECORDED"}{(ours.Length > 0 ? Environment.NewLine + "    ours: " + ours : string.Empty)}");
            }
        }

        var verdictShare = (double)sameVerdict / included.Count;
        var countShare = (double)sameCount / included.Count;
        report.AppendLine(CultureInfo.InvariantCulture, $"# Agreement with the HL7 validator on {included.Count} runs ({cases.Count - included.Count} excluded: terminology or no expected outcome)");
        report.AppendLine(CultureInfo.InvariantCulture, $"# same verdict (valid/invalid): {sameVerdict} = {verdictShare:P1}");
        report.AppendLine(CultureInfo.InvariantCulture, $"# same verdict and error count: {sameCount} = {countShare:P1}");
        report.AppendLine(CultureInfo.InvariantCulture, $"# Disagreements ({disagreements.Count}), each with its reason (from {DisagreementReasons.FileName}) and our errors:");
        foreach (var line in disagreements.Order(StringComparer.Ordinal))
        {
            report.AppendLine(line);
        }

        var text = report.ToString();
        output.WriteLine(text);
        File.WriteAllText(Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Validation.Tests", "Conformance", "disagreements.txt"), text);
        Assert.True(unexplained.Count == 0, $"disagreements without a reason in {DisagreementReasons.FileName}: {string.Join(", ", unexplained)}");
        var stale = reasons.Cases.Where(c => !disagreeing.Contains(c)).ToList();
        Assert.True(stale.Count == 0, $"{DisagreementReasons.FileName} lists runs we now agree on (remove them): {string.Join(", ", stale)}");
        Assert.True(verdictShare >= RequiredVerdictAgreement, $"verdict agreement {verdictShare:P1} is below {RequiredVerdictAgreement:P0}");
        Assert.True(countShare >= RequiredCountAgreement, $"error-count agreement {countShare:P1} is below {RequiredCountAgreement:P0}");
    }
}
