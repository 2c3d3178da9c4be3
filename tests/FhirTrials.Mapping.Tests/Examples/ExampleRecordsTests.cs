using System.Text.RegularExpressions;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Examples;

/// <summary>The example records hold every field the seed pages show, as the pages show it.</summary>
public sealed partial class ExampleRecordsTests
{
    public static TheoryData<string, string> TrialPages => new()
    {
        { "NCT03765957", "000_895fd2f75f6c1343.txt" },
        { "NCT01741857", "003_eefd50168bb4295f.txt" },
        { "NCT03798028", "004_c9769ddf4b32a431.txt" },
    };

    private static TrialRecord Example(string nctId) => TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.ExampleRecords, nctId + ".json"));

    private static string Display<TEnum>(MappingTable<TEnum> table, TEnum value)
        where TEnum : struct, Enum => table.Map(value).SourceDisplay;

    private static string Words(string text) => Whitespace().Replace(text, " ").Trim();

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Example_HasTheSummaryFieldsOfItsPage(string nctId, string seed)
    {
        var page = new SeedPage(Path.Combine(RepositoryPaths.Seeds, seed));
        var record = Example(nctId);
        var tables = MappingTables.Default;

        Assert.Equal(page.Title, record.BriefTitle);
        Assert.Equal(page.Sponsor, record.LeadSponsor!.Name);
        var statusAndPhases = page["Status and phase"].Concat(page["Status"]).ToList();
        Assert.Equal(statusAndPhases[0] + " status", Display(tables.OverallStatus, record.Status!.OverallStatus!.Value));
        Assert.Equal(
            statusAndPhases.Skip(1).Order(StringComparer.Ordinal),
            (record.Phases ?? []).Select(p => tables.Phase.Map([p])!.SourceDisplay).Order(StringComparer.Ordinal));
        Assert.Equal(page["Conditions"], record.Conditions!.Select(c => c.Text!));
        Assert.Equal(
            page["Treatments"],
            record.Interventions!.Select(i => $"{Display(tables.InterventionType, i.Type!.Value)}: {i.Name}"));
        Assert.Equal(page.Single("Study type"), Display(tables.StudyType, record.StudyType!.Value));
        Assert.Equal(page.Single("Funder types").ToUpperInvariant(), EnumWire<AgencyClass>.ToWire(record.LeadSponsor.Class!.Value));
        Assert.Equal(page["Identifiers"], [record.RegistryId, record.OrgStudyId!.Id]);
        Assert.Equal(Words(string.Join(" ", page["About"])), Words(record.BriefSummary!));
        Assert.Equal(Words(string.Join(" ", page["Full description"])), Words(record.DetailedDescription ?? ""));
    }

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Example_HasTheEligibilityOfItsPage(string nctId, string seed)
    {
        var page = new SeedPage(Path.Combine(RepositoryPaths.Seeds, seed));
        var record = Example(nctId);
        var eligibility = record.Eligibility!;

        var enrollment = EnrollmentLine().Match(page.Single("Enrollment"));
        Assert.Equal(int.Parse(enrollment.Groups["count"].Value), record.Enrollment!.Count);
        Assert.Equal(enrollment.Groups["type"].Value.ToUpperInvariant(), EnumWire<EnrollmentType>.ToWire(record.Enrollment.Type!.Value));
        Assert.Equal(page.Single("Sex"), Display(MappingTables.Default.Sex, eligibility.Sex!.Value));
        var ages = AgesLine().Match(page.Single("Ages"));
        Assert.Equal((decimal.Parse(ages.Groups["min"].Value), "a"), (eligibility.MinimumAge!.Value!.Value, eligibility.MinimumAge.Unit));
        Assert.Equal((decimal.Parse(ages.Groups["max"].Value), "a"), (eligibility.MaximumAge!.Value!.Value, eligibility.MaximumAge.Unit));
        Assert.Equal(page.Single("Volunteers") == "Healthy Volunteers", eligibility.HealthyVolunteers);

        var criteria = eligibility.Criteria!;
        var inclusion = criteria.IndexOf("Inclusion Criteria:", StringComparison.Ordinal);
        var exclusion = criteria.IndexOf("Exclusion Criteria:", StringComparison.Ordinal);
        Assert.True(inclusion >= 0 && exclusion > inclusion);
        Assert.All(page.Criteria("Inclusion criteria"), item => Assert.Contains(item, criteria[inclusion..exclusion], StringComparison.Ordinal));
        Assert.All(page.Criteria("Exclusion criteria"), item => Assert.Contains(item, criteria[exclusion..], StringComparison.Ordinal));
        Assert.Equal(page.Criteria("Exclusion criteria").Count(), ListItem().Matches(criteria[exclusion..]).Count);
    }

    [Theory]
    [MemberData(nameof(TrialPages))]
    public void Example_HasTheDesignArmsAndContactsOfItsPage(string nctId, string seed)
    {
        var page = new SeedPage(Path.Combine(RepositoryPaths.Seeds, seed));
        var record = Example(nctId);
        var design = record.Design!;
        var tables = MappingTables.Default;

        Assert.Equal(page.Single("Primary purpose"), Display(tables.PrimaryPurpose, design.PrimaryPurpose!.Value));
        Assert.Equal(page.Single("Allocation"), Display(tables.Allocation, design.Allocation!.Value));
        Assert.Equal(page.Single("Interventional model"), Display(tables.InterventionModel, design.InterventionModel!.Value));
        Assert.StartsWith(Display(tables.Masking, design.Masking!.Type!.Value), page["Masking"][0], StringComparison.OrdinalIgnoreCase);

        var (participants, groups, arms) = page.Design();
        Assert.Equal((participants, groups), (record.Enrollment!.Count!.Value, design.NumberOfGroups!.Value));
        Assert.Equal(arms.Count, record.Arms!.Count);
        foreach (var (seedArm, arm) in arms.Zip(record.Arms))
        {
            Assert.Equal(seedArm.Label, arm.Label);
            Assert.Equal(seedArm.Type, Display(tables.ArmGroupType, arm.Type!.Value));
            Assert.Equal(seedArm.Description, arm.Description);
            Assert.Equal(seedArm.Treatment is null ? null : [seedArm.Treatment], arm.InterventionNames);
        }

        var contacts = page["Central trial contact"].SelectMany(l => l.Split("; ")).ToList();
        Assert.Equal(contacts, (record.CentralContacts ?? []).Select(c => c.Name!));
    }

    [Fact]
    public void NCT03765957_HasFourDoseGroupsAndTheFollowUpSchedule()
    {
        var record = Example("NCT03765957");
        var dosing = Assert.Single(record.Interventions!).Dosing!;

        Assert.Equal(["Group A", "Group B", "Group C", "Group D"], dosing.Select(d => d.Label!));
        Assert.Equal([1.5m, 2.0m, 2.5m, 3.0m], dosing.Select(d => d.Dose!.Value));
        Assert.All(dosing, d => Assert.Equal("10*6/kg", d.Dose!.Unit));
        Assert.All(dosing, d => Assert.Equal(("intravenous", "47625008"), (d.Route!.Text, d.Route.Codes![0].Code)));
        Assert.All(dosing, d => Assert.Equal(new TimeOffset { Value = 0, Unit = "d", RelativeTo = TimingAnchor.Baseline }, d.Start));
        Assert.Equal([(4, 2m), (4, 2m), (2, 4m), (2, 4m)], dosing.Select(d => (d.NumberOfAdministrations!.Value, d.Interval!.Value)));
        Assert.All(dosing, d => Assert.Equal("wk", d.Interval!.Unit));
        Assert.All(dosing, d => Assert.Contains(d.Text!, record.Arms![0].Description!, StringComparison.Ordinal));

        Assert.Equal(
            [(15m, "d"), (30m, "d"), (45m, "d"), (2m, "mo"), (3m, "mo"), (6m, "mo")],
            record.FollowUp!.Select(v => (v.Offset.Value, v.Offset.Unit)));
        Assert.All(record.FollowUp!, v => Assert.Equal(TimingAnchor.EndOfTreatment, v.Offset.RelativeTo));
        Assert.Equal(new ParsedDuration { Text = "6 months", Value = 6, Unit = "mo" }, record.FollowUpDuration);
    }

    [Fact]
    public void NCT03798028_HasSingleDoseAgainstAComparatorArm()
    {
        var record = Example("NCT03798028");
        var regimen = Assert.Single(Assert.Single(record.Interventions!).Dosing!);

        Assert.Equal((1m, "10*6/kg", 1), (regimen.Dose!.Value, regimen.Dose.Unit, regimen.NumberOfAdministrations!.Value));
        Assert.Equal("UC-MSCs treatment", regimen.ArmGroupLabel);
        Assert.Equal((DesignAllocation.Randomized, InterventionModel.Parallel, Masking.Single), (record.Design!.Allocation, record.Design.InterventionModel, record.Design.Masking!.Type));
        Assert.Equal([ArmGroupType.Experimental, ArmGroupType.NoIntervention], record.Arms!.Select(a => a.Type!.Value));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<count>\d+) (?<type>estimated|actual) patients$")]
    private static partial Regex EnrollmentLine();

    [GeneratedRegex(@"^(?<min>\d+) to (?<max>\d+) years old$")]
    private static partial Regex AgesLine();

    [GeneratedRegex(@"^(?:\d+\.|\*) ", RegexOptions.Multiline)]
    private static partial Regex ListItem();
}
