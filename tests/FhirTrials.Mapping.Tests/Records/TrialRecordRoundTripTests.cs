using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Records;

public sealed class TrialRecordRoundTripTests
{
    public static TheoryData<string> ExampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.ExampleRecords, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void Example_ReadThenWrite_GivesTheFileBackByteForByte(string name)
    {
        var path = Path.Combine(RepositoryPaths.ExampleRecords, name);
        var record = TrialRecordReader.ReadFile(path);

        Assert.Equal(File.ReadAllText(path), TrialRecordWriter.ToJson(record) + "\n");
        Assert.Empty(TrialRecordComparison.Differences(record, TrialRecordReader.Parse(TrialRecordWriter.ToJson(record), name)));
    }

    [Fact]
    public void Writer_KeepsDecimalScaleAndNonAsciiText()
    {
        var record = new TrialRecord
        {
            RecordVersion = TrialRecord.CurrentVersion,
            RegistryId = "NCT00000002",
            BriefTitle = "DAS28≥3.2或 & <b>",
            Interventions = [new Intervention { Name = "x", Dosing = [new DoseRegimen { Dose = new Quantity { Value = 2.0m, Unit = "10*6/kg" } }] }],
        };

        var json = TrialRecordWriter.ToJson(record);
        var reread = TrialRecordReader.Parse(json, "w.json");

        Assert.Contains("\"value\": 2.0,", json, StringComparison.Ordinal);
        Assert.Contains("DAS28≥3.2或 & <b>", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Empty(TrialRecordComparison.Differences(record, reread));
    }

    [Fact]
    public void Comparison_ReportsEachDifferingPath()
    {
        var left = TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.ExampleRecords, "NCT03765957.json"));
        var dosing = left.Interventions![0].Dosing!;
        var right = left with
        {
            BriefTitle = "changed",
            Interventions = [left.Interventions[0] with { Dosing = [dosing[0], dosing[1] with { Dose = dosing[1].Dose! with { Value = 2.5m } }, dosing[2]] }],
        };

        var differences = TrialRecordComparison.Differences(left, right);

        Assert.Equal(3, differences.Count);
        Assert.StartsWith("$.briefTitle: expected \"Clinical Research on Treatment", differences[0], StringComparison.Ordinal);
        Assert.EndsWith("..., actual \"changed\"", differences[0], StringComparison.Ordinal);
        Assert.Equal("$.interventions[0].dosing[1].dose.value: expected 2.0, actual 2.5", differences[1]);
        Assert.StartsWith("$.interventions[0].dosing[3]: expected {", differences[2], StringComparison.Ordinal);
        Assert.EndsWith(", actual (absent)", differences[2], StringComparison.Ordinal);
        Assert.False(TrialRecordComparison.AreEquivalent(left, right));
        Assert.True(TrialRecordComparison.AreEquivalent(left, left with { Interventions = [.. left.Interventions] }));
    }
}
