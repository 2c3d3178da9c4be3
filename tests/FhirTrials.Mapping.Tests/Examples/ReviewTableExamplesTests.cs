using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Examples;

/// <summary>The four trials of the review table (seed 002) hold what their table row gives.</summary>
public sealed class ReviewTableExamplesTests
{
    private static TrialRecord Example(string nctId) => TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.ExampleRecords, nctId + ".json"));

    public static TheoryData<string, string[], int, int?, int?, string, string> ReviewRows => new()
    {
        { "NCT03265613", ["PHASE1", "PHASE2"], 7, 18, 65, "Moderate to severe psoriasis", "12 weeks" },
        { "NCT03392311", ["PHASE1", "PHASE2"], 5, null, null, "Moderate to severe psoriasis", "12 weeks" },
        { "NCT04275024", [], 8, 18, 65, "Moderate to severe psoriasis", "12 weeks" },
        { "NCT02918123", ["PHASE1"], 9, 19, 65, "Moderate to severe plaque psoriasis", "144 weeks" },
    };

    [Theory]
    [MemberData(nameof(ReviewRows))]
    public void ReviewTableExample_HasTheFieldsOfItsRow(string nctId, string[] phases, int participants, int? minAge, int? maxAge, string condition, string followUp)
    {
        var table = File.ReadAllLines(Path.Combine(RepositoryPaths.Seeds, "002_98e4569ad12d26c5.txt"));
        var row = table.Single(l => l.Contains(nctId + " (", StringComparison.Ordinal));
        var record = Example(nctId);

        Assert.Contains($"{nctId} ({record.BriefTitle} – Full Text View", row, StringComparison.Ordinal);
        Assert.Contains("(Single Group Assignment- Open Label)", row, StringComparison.Ordinal);
        Assert.Equal((InterventionModel.SingleGroup, Masking.None), (record.Design!.InterventionModel, record.Design.Masking!.Type));
        Assert.Equal(phases, (record.Phases ?? []).Select(EnumWire<Phase>.ToWire));
        Assert.Contains($") {participants} ", row, StringComparison.Ordinal);
        Assert.Equal(participants, record.Enrollment!.Count);
        Assert.Equal(minAge, (int?)record.Eligibility?.MinimumAge?.Value);
        Assert.Equal(maxAge, (int?)record.Eligibility?.MaximumAge?.Value);
        if (minAge is not null)
        {
            Assert.Contains($"({minAge}–{maxAge})", row, StringComparison.Ordinal);
        }

        Assert.Equal(condition, Assert.Single(record.Conditions!).Text);
        Assert.Contains(condition, row, StringComparison.Ordinal);
        Assert.Equal(followUp, record.FollowUpDuration!.Text);
        Assert.Contains($" {followUp} {nctId}", row, StringComparison.Ordinal);
        var main = record.Interventions![0];
        Assert.StartsWith("Allogeneic ", row, StringComparison.Ordinal);
        Assert.Contains(main.Name, row, StringComparison.Ordinal);
        Assert.All(record.Interventions!.SelectMany(i => i.Dosing!), d => Assert.Contains(d.Text!, row, StringComparison.Ordinal));
        Assert.True(main.Dosing![0].Dose is not null || main.Dosing[0].DoseRange is not null);
    }
}
