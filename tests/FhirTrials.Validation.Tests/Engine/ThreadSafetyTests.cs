using FhirTrials.Validation.Tests.Examples;

namespace FhirTrials.Validation.Tests.Engine;

/// <summary>One validator shared by many threads, compiling definitions as they race, gives the results a sequential run gives.</summary>
public sealed class ThreadSafetyTests
{
    [Fact]
    public void ValidateJson_ParallelOnFreshValidator_SameIssuesAsSequential()
    {
        var files = ExampleCorpus.Instances.Take(300).ToList();
        var sequential = new FhirValidator();
        var expected = files.Select(f => Summary(sequential.ValidateJson(f.Content, f.Name))).ToList();

        var shared = new FhirValidator();
        var actual = new string[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = Summary(shared.ValidateJson(files[i].Content, files[i].Name)));

        for (var i = 0; i < files.Count; i++)
        {
            Assert.True(expected[i] == actual[i], $"{files[i].Name}: sequential{Environment.NewLine}{expected[i]}{Environment.NewLine}parallel{Environment.NewLine}{actual[i]}");
        }
    }

    private static string Summary(ValidationResult result) => string.Join(Environment.NewLine, result.Issues.Select(i => i.ToString()));
}
