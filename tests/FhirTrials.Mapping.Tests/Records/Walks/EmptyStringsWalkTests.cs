using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Tests.Records.Walks;

/// <summary>The generated empty-string walk reaches every string of the record format and names it as the reflected walk did.</summary>
public sealed class EmptyStringsWalkTests
{
    private static readonly IReadOnlyList<string> Paths = FullRecords.StringPaths(typeof(TrialRecord));

    [Fact]
    public void NoEmptyStrings_EachStringEmptyInTurn_NamesItsPath()
    {
        var failures = new List<string>();
        foreach (var path in Paths)
        {
            var record = (TrialRecord)FullRecords.Build(typeof(TrialRecord), new HashSet<string> { path });

            var reported = Reported(record);

            if (!string.Equals(reported, path, StringComparison.Ordinal) || !string.Equals(ReflectedWalks.FindEmpty(record, "$"), path, StringComparison.Ordinal))
            {
                failures.Add($"{path}: reported {reported ?? "nothing"}, reflected {ReflectedWalks.FindEmpty(record, "$") ?? "nothing"}");
            }
        }

        Assert.True(Paths.Count > 150, $"only {Paths.Count} string paths: the populated record is not full");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Paths.Count} paths:\n{string.Join("\n", failures)}");
    }

    [Fact]
    public void NoEmptyStrings_FullyPopulatedRecord_Passes()
    {
        var record = (TrialRecord)FullRecords.Build(typeof(TrialRecord));

        Assert.Null(Reported(record));
        Assert.Null(ReflectedWalks.FindEmpty(record, "$"));
    }

    [Fact]
    public void NoEmptyStrings_EveryStringEmpty_NamesTheFirstInRecordOrder()
    {
        var record = (TrialRecord)FullRecords.Build(typeof(TrialRecord), Paths.ToHashSet(StringComparer.Ordinal));

        Assert.Equal(Paths[0], Reported(record));
    }

    [Fact]
    public void NoEmptyStrings_LaterStringsEmpty_NamesTheFirstOfThemAsTheReflectedWalk()
    {
        var failures = new List<string>();
        for (var i = 1; i < Paths.Count; i++)
        {
            var record = (TrialRecord)FullRecords.Build(typeof(TrialRecord), Paths.Skip(i).Where((_, k) => k % 7 == 0 || k == 1).ToHashSet(StringComparer.Ordinal));
            var expected = ReflectedWalks.FindEmpty(record, "$");
            if (!string.Equals(Reported(record), expected, StringComparison.Ordinal) || !string.Equals(expected, Paths[i], StringComparison.Ordinal))
            {
                failures.Add($"from {Paths[i]}: reported {Reported(record)}, reflected {expected}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Reported(TrialRecord record)
    {
        try
        {
            RecordChecks.NoEmptyStrings(record);
            return null;
        }
        catch (TrialMappingException error)
        {
            return error.FieldPath;
        }
    }
}
