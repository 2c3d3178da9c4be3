using System.Text;
using FhirTrials.Testing;
using Xunit.Abstractions;

namespace FhirTrials.Validation.Tests.Examples;

/// <summary>
/// Every instance example of the R4 specification validates with no error against its base
/// definitions, except the few the specification itself gets wrong (listed with the reason in
/// errata.txt, next to this file).
/// </summary>
public sealed class R4ExamplesTests(ITestOutputHelper output)
{
    [Fact]
    public void Validate_AllInstanceExamples_NoErrorsBeyondErrata()
    {
        var errata = Errata.Load();
        var validator = FhirValidator.Default;
        var unexpected = new StringBuilder();
        var stale = new HashSet<string>(errata.Keys, StringComparer.Ordinal);
        var count = 0;
        var errors = 0;
        foreach (var file in ExampleCorpus.Instances)
        {
            count++;
            var result = validator.ValidateJson(file.Content, file.Name);
            var fileErrors = result.Issues.Where(i => i.IsError).ToList();
            errors += fileErrors.Count;
            if (errata.ContainsKey(file.Name))
            {
                stale.Remove(file.Name);
                if (fileErrors.Count == 0)
                {
                    unexpected.AppendLine($"{file.Name}: listed in errata.txt but validates clean: remove it from the list");
                }

                continue;
            }

            foreach (var issue in fileErrors)
            {
                unexpected.AppendLine(issue.ToString());
            }
        }

        foreach (var name in stale)
        {
            unexpected.AppendLine($"{name}: listed in errata.txt but not an instance example");
        }

        output.WriteLine($"{count} examples, {errors} errors, {errata.Count} on the errata list");
        Assert.True(unexpected.Length == 0, unexpected.ToString());
    }
}
