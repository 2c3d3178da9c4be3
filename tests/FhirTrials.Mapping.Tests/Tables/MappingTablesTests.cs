using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Tables;

public sealed class MappingTablesTests
{
    private const string CtGovSystemPrefix = "https://clinicaltrials.gov/data-api/about-api/study-data-structure#enum-";

    public static TheoryData<string, string> EveryEnumerationValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var (table, type) in Tables())
        {
            foreach (var wire in RecordEnumerations.All[type])
            {
                data.Add(table, wire);
            }
        }

        return data;
    }

    private static IEnumerable<(string Table, Type Enumeration)> Tables() =>
    [
        ("overall-status", typeof(OverallStatus)), ("site-recruitment-status", typeof(RecruitmentStatus)),
        ("phase", typeof(Phase)), ("primary-purpose", typeof(PrimaryPurpose)), ("arm-group-type", typeof(ArmGroupType)),
        ("intervention-type", typeof(InterventionType)), ("study-type", typeof(StudyType)), ("allocation", typeof(DesignAllocation)),
        ("intervention-model", typeof(InterventionModel)), ("masking", typeof(Masking)), ("who-masked", typeof(WhoMasked)),
        ("observational-model", typeof(ObservationalModel)), ("time-perspective", typeof(TimePerspective)),
        ("agency-class", typeof(AgencyClass)), ("sex", typeof(Sex)),
    ];

    private static MappingTableData Data(string id) => id switch
    {
        "overall-status" => MappingTables.Default.OverallStatus.Data,
        "site-recruitment-status" => MappingTables.Default.SiteRecruitmentStatus.Data,
        "phase" => MappingTables.Default.Phase.Data,
        "primary-purpose" => MappingTables.Default.PrimaryPurpose.Data,
        "arm-group-type" => MappingTables.Default.ArmGroupType.Data,
        "intervention-type" => MappingTables.Default.InterventionType.Data,
        "study-type" => MappingTables.Default.StudyType.Data,
        "allocation" => MappingTables.Default.Allocation.Data,
        "intervention-model" => MappingTables.Default.InterventionModel.Data,
        "masking" => MappingTables.Default.Masking.Data,
        "who-masked" => MappingTables.Default.WhoMasked.Data,
        "observational-model" => MappingTables.Default.ObservationalModel.Data,
        "time-perspective" => MappingTables.Default.TimePerspective.Data,
        "agency-class" => MappingTables.Default.AgencyClass.Data,
        "sex" => MappingTables.Default.Sex.Data,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    [Theory]
    [MemberData(nameof(EveryEnumerationValue))]
    public void Table_EveryCtGovValue_HasOneDocumentedRowWithAValidTarget(string tableId, string wire)
    {
        var table = Data(tableId);
        var row = Assert.Single(table.Rows, r => r.Source == wire);

        Assert.Equal(tableId, table.Id);
        Assert.StartsWith(CtGovSystemPrefix, table.SourceSystem, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(row.SourceDisplay));
        if (row.Equivalence is not (ConceptEquivalence.Equal or ConceptEquivalence.Equivalent))
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Comment), $"{tableId}/{wire}: a lossy row must say why");
        }

        if (!row.IsMapped)
        {
            Assert.Equal(ConceptEquivalence.Unmatched, row.Equivalence);
            return;
        }

        Assert.NotNull(row.Display);
        if (row.System!.StartsWith(CtGovSystemPrefix, StringComparison.Ordinal))
        {
            Assert.Equal((table.SourceSystem, wire, ConceptEquivalence.Equal), (row.System, row.Code, row.Equivalence));
        }
        else
        {
            Assert.True(FhirCodeLists.TargetCodes.TryGetValue(row.System, out var codes), $"{tableId}/{wire}: unexpected system {row.System}");
            Assert.Contains(row.Code!, codes);
        }

        if (tableId == "intervention-type")
        {
            Assert.Contains(row.Kind!, FhirCodeLists.RequestResourceTypes);
        }
        else
        {
            Assert.Null(row.Kind);
        }
    }

    [Fact]
    public void Enumerations_MatchTheCtGovDataDictionary()
    {
        Assert.Equal(
            [
                "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING", "SUSPENDED",
                "TERMINATED", "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING",
                "WITHHELD", "UNKNOWN",
            ],
            EnumWire<OverallStatus>.Names);
        Assert.Equal(["NA", "EARLY_PHASE1", "PHASE1", "PHASE2", "PHASE3", "PHASE4"], EnumWire<Phase>.Names);
        Assert.Equal(["NIH", "FED", "OTHER_GOV", "INDIV", "INDUSTRY", "NETWORK", "AMBIG", "OTHER", "UNKNOWN"], EnumWire<AgencyClass>.Names);
    }

    [Fact]
    public void OverallStatus_KeyDecisions()
    {
        var status = MappingTables.Default.OverallStatus;

        Assert.Equal("active", status.Map(OverallStatus.Recruiting).Code);
        Assert.Equal("approved", status.Map(OverallStatus.NotYetRecruiting).Code);
        Assert.Equal("administratively-completed", status.Map(OverallStatus.Terminated).Code);
        var unknown = status.Map(OverallStatus.Unknown);
        Assert.Equal(("closed-to-accrual", ConceptEquivalence.Inexact), (unknown.Code, unknown.Equivalence));
        Assert.Contains("lastKnownStatus", unknown.Comment!, StringComparison.Ordinal);
        Assert.Equal(
            [OverallStatus.ActiveNotRecruiting, OverallStatus.NoLongerAvailable, OverallStatus.Withheld, OverallStatus.Unknown],
            status.Reverse("http://hl7.org/fhir/research-study-status", "closed-to-accrual"));
        var original = status.SourceCoding(OverallStatus.Unknown);
        Assert.Equal((CtGovSystemPrefix + "Status", "UNKNOWN", "Unknown status"), (original.System, original.Code, original.Display));
        Assert.Equal([OverallStatus.Unknown], status.Reverse(original.System, original.Code));
    }

    [Fact]
    public void NeedsSourceCoding_OnlyWhenTheMappedCodeIsSharedOrMissing()
    {
        var status = MappingTables.Default.OverallStatus;

        Assert.False(status.NeedsSourceCoding(OverallStatus.Withdrawn));
        Assert.True(status.NeedsSourceCoding(OverallStatus.Completed));
        Assert.True(status.NeedsSourceCoding(OverallStatus.Recruiting));
        Assert.True(status.NeedsSourceCoding(OverallStatus.Unknown));
        Assert.True(MappingTables.Default.Sex.NeedsSourceCoding(Sex.All));
    }

    [Fact]
    public void Phase_CombinationsInAnyOrder_MapToOneCode()
    {
        var phase = MappingTables.Default.Phase;

        Assert.Equal("phase-1-phase-2", phase.Map([Phase.Phase2, Phase.Phase1])!.Code);
        Assert.Equal("phase-2-phase-3", phase.Map([Phase.Phase2, Phase.Phase3])!.Code);
        Assert.Equal("early-phase-1", phase.Map([Phase.EarlyPhase1])!.Code);
        Assert.Equal("n-a", phase.Map([Phase.NotApplicable])!.Code);
        Assert.Null(phase.Map([]));
        Assert.Null(phase.Map([Phase.Phase1, Phase.Phase3]));
        Assert.Equal([Phase.Phase1, Phase.Phase2], phase.Reverse("http://terminology.hl7.org/CodeSystem/research-study-phase", "phase-1-phase-2"));
    }

    [Theory]
    [InlineData(new[] { Phase.Phase1 }, "PHASE1", true)]
    [InlineData(new[] { Phase.Phase1, Phase.Phase2 }, "PHASE1+PHASE2", true)]
    [InlineData(new[] { Phase.Phase2, Phase.Phase1 }, "PHASE1+PHASE2", false)]
    [InlineData(new[] { Phase.Phase2, Phase.Phase1, Phase.Phase2 }, "PHASE1+PHASE2", false)]
    [InlineData(new[] { Phase.Phase1, Phase.Phase1 }, "PHASE1", false)]
    [InlineData(new[] { Phase.Phase4, Phase.NotApplicable, Phase.EarlyPhase1 }, "NA+EARLY_PHASE1+PHASE4", false)]
    [InlineData(new Phase[0], "", true)]
    public void PhaseKey_AnyList_DistinctPhasesInCtGovOrder(Phase[] phases, string key, bool inKeyOrder)
    {
        Assert.Equal(key, PhaseTable.Key(phases));
        Assert.Equal(inKeyOrder, PhaseTable.IsInKeyOrder(phases));
    }

    [Fact]
    public void OtherTables_KeyDecisions()
    {
        var tables = MappingTables.Default;

        Assert.Equal(CtGovSystemPrefix + "PrimaryPurpose", tables.PrimaryPurpose.Map(PrimaryPurpose.EducationalCounselingTraining).System);
        Assert.Equal("device-feasibility", tables.PrimaryPurpose.Map(PrimaryPurpose.DeviceFeasibility).Code);
        Assert.Equal(("http://hl7.org/fhir/research-study-arm-type", "other-arm-type"), (tables.ArmGroupType.Map(ArmGroupType.Other).System, tables.ArmGroupType.Map(ArmGroupType.Other).Code));
        Assert.Equal("MedicationRequest", tables.InterventionType.Map(InterventionType.Biological).Kind);
        Assert.Equal("DeviceRequest", tables.InterventionType.Map(InterventionType.Device).Kind);
        Assert.Equal("ServiceRequest", tables.InterventionType.Map(InterventionType.Procedure).Kind);
        Assert.Equal("govt", tables.AgencyClass.Map(AgencyClass.Nih).Code);
        Assert.False(tables.AgencyClass.Map(AgencyClass.Unknown).IsMapped);
        Assert.False(tables.Sex.Map(Sex.All).IsMapped);
        Assert.Equal("SINGLE_GROUP", tables.InterventionModel.Map(InterventionModel.SingleGroup).Code);
    }

    [Fact]
    public void TimeUnits_WordsMapToUcum()
    {
        var units = MappingTables.Default.TimeUnits;

        Assert.True(units.TryGetUcum("Years", out var year));
        Assert.True(units.TryGetUcum("minutes", out var minute));
        Assert.False(units.TryGetUcum("fortnight", out _));
        Assert.Equal(("a", "min"), (year, minute));
        Assert.Equal("month", units.Display("mo"));
        Assert.True(units.IsTimeUnit("wk"));
    }

    [Fact]
    public void Default_UnderConcurrentFirstUse_IsLoadedOnce()
    {
        var instances = new MappingTables[16];
        Parallel.For(0, instances.Length, i => instances[i] = MappingTables.Default);

        Assert.All(instances, instance => Assert.Same(MappingTables.Default, instance));
        Assert.Equal(1, MappingTables.LoadCount);
    }

    [Fact]
    public void Readme_RendersEveryRowOfEveryTable()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "FhirTrials.Mapping", "Tables", "README.md"));
        var sections = readme.Split("\n## ");
        foreach (var (id, _) in Tables())
        {
            var section = Assert.Single(sections, s => s.Contains($"(`{id}`)", StringComparison.Ordinal));
            foreach (var row in Data(id).Rows)
            {
                var code = row.Code is null ? "—" : $"`{row.Code}`";
                Assert.Contains($"| `{row.Source}` | {row.SourceDisplay} | {code} |", section, StringComparison.Ordinal);
                Assert.Contains($"| {row.Equivalence.ToString().ToLowerInvariant()} |", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void DataFolder_EveryTableFileIsLoaded()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "FhirTrials.Mapping", "Tables", "Data");
        var files = Directory.GetFiles(folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order().ToList();
        var loaded = Tables().Select(t => t.Table).Append(MappingTables.Default.TimeUnits.Data.Id).Order().ToList();

        Assert.Equal(loaded, files);
    }
}
