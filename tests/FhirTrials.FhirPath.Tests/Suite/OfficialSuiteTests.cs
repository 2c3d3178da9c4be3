using Xunit.Abstractions;

namespace FhirTrials.FhirPath.Tests.Suite;

/// <summary>The official FHIRPath R4 test suite, one theory case per suite test, plus a summary.</summary>
public sealed class OfficialSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var test in SuiteCase.All)
        {
            data.Add(test.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_RunsAsTheSuiteExpects(string id)
    {
        var test = SuiteCase.All.Single(t => t.Id == id);
        var failure = SuiteRunner.Run(test);
        if (KnownFailures.All.TryGetValue(id, out var reason))
        {
            Assert.True(failure is not null, $"{id} now passes: remove it from known-failures.json (it was listed because: {reason})");
            output.WriteLine($"known failure: {reason}; actual: {failure}");
            return;
        }

        Assert.True(failure is null, $"{id}: {test.Expression} → {failure}");
    }

    [Fact]
    public void Suite_PassesAtLeast95Percent_AndFailuresAreExactlyTheKnownOnes()
    {
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var test in SuiteCase.All)
        {
            if (SuiteRunner.Run(test) is { } failure)
            {
                failures[test.Id] = failure;
            }
        }

        var total = SuiteCase.All.Count;
        var passed = total - failures.Count;
        output.WriteLine($"FHIRPath R4 suite: {passed}/{total} passed ({100.0 * passed / total:F1}%), {failures.Count} known failures");
        foreach (var (id, failure) in failures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {id}: {failure}");
        }

        var unexpected = failures.Keys.Except(KnownFailures.All.Keys).ToList();
        var nowPassing = KnownFailures.All.Keys.Except(failures.Keys).ToList();
        Assert.True(unexpected.Count == 0, "new failures: " + string.Join("; ", unexpected.Select(u => $"{u}: {failures[u]}")));
        Assert.True(nowPassing.Count == 0, "listed as known failures but now passing (remove them): " + string.Join(", ", nowPassing));
        Assert.True(passed >= total * 0.95, $"only {passed}/{total} pass");
    }
}
