using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;
using FhirTrials.Mapping.Tables;
using FhirTrials.Mapping.Tests.Fhir.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>Every CT.gov status, phase combination and primary purpose maps to its table code and back.</summary>
public sealed class TableMappingTests
{
    private static MappingTables Tables => MappingTables.Default;

    public static TheoryData<string> OverallStatuses => [.. EnumWire<OverallStatus>.Names];

    public static TheoryData<string> PhaseRows => [.. MappingTables.Default.Phase.Data.Rows.Select(r => r.Source)];

    public static TheoryData<string> PrimaryPurposes => [.. EnumWire<PrimaryPurpose>.Names];

    public static TheoryData<string> SiteStatuses => [.. EnumWire<RecruitmentStatus>.Names];

    private static TrialRecord Minimal(Func<TrialRecord, TrialRecord> with) =>
        with(new TrialRecord { RecordVersion = TrialRecord.CurrentVersion, RegistryId = "NCT00000001" });

    private static ResearchStudy Study(TrialRecord record) =>
        TrialBundleMapper.Default.Map(record).Entry.Select(e => e.Resource).OfType<ResearchStudy>().Single();

    private static TrialRecord RoundTrip(TrialRecord record) =>
        TrialRecordReverseMapper.Default.Reverse(TrialBundleMapper.Default.Map(record));

    [Theory]
    [MemberData(nameof(OverallStatuses))]
    public void OverallStatus_EveryValue_MapsToItsTableCodeAndKeepsTheCtGovValue(string wire)
    {
        Assert.True(EnumWire<OverallStatus>.TryParse(wire, out var status));
        var record = Minimal(r => r with { Status = new TrialStatus { OverallStatus = status } });

        var study = Study(record);

        Assert.Equal(Tables.OverallStatus.Map(status).Code, study.StatusElement!.LexicalValue);
        Assert.NotNull(study.Status);
        var registry = study.GetExtension(ExtensionUrls.RegistryFields)!.GetExtension("status")!;
        Assert.Equal(wire, (registry.GetExtensionValue("overallStatus") as Code)?.Value);
        Assert.Equal(status, RoundTrip(record).Status!.OverallStatus);
    }

    [Fact]
    public void OverallStatus_Absent_WritesDataAbsentReasonInsteadOfAGuess()
    {
        var study = Study(Minimal(r => r));

        Assert.Null(study.StatusElement!.LexicalValue);
        Assert.Equal("unknown", (study.StatusElement.GetExtensionValue("http://hl7.org/fhir/StructureDefinition/data-absent-reason") as Code)?.Value);
        Assert.Null(RoundTrip(Minimal(r => r)).Status);
    }

    [Theory]
    [MemberData(nameof(PhaseRows))]
    public void Phase_EveryCtGovList_MapsToOneR4Code(string source)
    {
        var phases = source.Split('+').Select(p => EnumWire<Phase>.TryParse(p, out var phase) ? phase : throw new InvalidOperationException(p)).ToList();
        var record = Minimal(r => r with { Phases = phases });

        var phase = Study(record).Phase!;

        var row = Tables.Phase.Data.Rows.Single(r => r.Source == source);
        Assert.Equal(($"{row.System}|{row.Code}", row.SourceDisplay), (Assert.Single(phase.Coding) is var c ? $"{c.System}|{c.Code}" : "", phase.Text));
        Assert.Equal(phases, RoundTrip(record).Phases);
    }

    [Fact]
    public void Phase_ListedOutOfCtGovOrder_IsKeptAsWritten()
    {
        var record = Minimal(r => r with { Phases = [Phase.Phase2, Phase.Phase1] });

        Assert.Null(Study(record).Phase);
        Assert.Equal([Phase.Phase2, Phase.Phase1], RoundTrip(record).Phases);
    }

    [Theory]
    [MemberData(nameof(PrimaryPurposes))]
    public void PrimaryPurpose_EveryValue_MapsToItsTableCode(string wire)
    {
        Assert.True(EnumWire<PrimaryPurpose>.TryParse(wire, out var purpose));
        var record = Minimal(r => r with { Design = new StudyDesign { PrimaryPurpose = purpose } });

        var concept = Study(record).PrimaryPurposeType!;

        var row = Tables.PrimaryPurpose.Map(purpose);
        Assert.Equal($"{row.System}|{row.Code}", $"{concept.Coding[0].System}|{concept.Coding[0].Code}");
        Assert.Equal(purpose, RoundTrip(record).Design!.PrimaryPurpose);
    }

    [Theory]
    [MemberData(nameof(SiteStatuses))]
    public void SiteStatus_EveryValue_IsOnTheSiteReferenceWithItsR4CodeAndTheCtGovValue(string wire)
    {
        Assert.True(EnumWire<RecruitmentStatus>.TryParse(wire, out var status));
        var record = Minimal(r => r with { Locations = [new FhirTrials.Mapping.Records.Location { Facility = "Site", Status = status }] });

        var concept = (CodeableConcept)Study(record).Site.Single().GetExtensionValue(ExtensionUrls.SiteRecruitmentStatus)!;

        var row = Tables.SiteRecruitmentStatus.Map(status);
        Assert.Contains(concept.Coding, c => c.System == row.System && c.Code == row.Code);
        Assert.Contains(concept.Coding, c => c.System == Tables.SiteRecruitmentStatus.Data.SourceSystem && c.Code == wire);
        Assert.Equal(status, RoundTrip(record).Locations![0].Status);
    }

    [Fact]
    public void Peer_ReadsTheWrongStatusField_WeReadOverallStatus()
    {
        var records = MappingCorpus.Records("ctgov-v2").Select(r => r.Record).ToList();
        var active = records.Count(r => Study(r).Status == ResearchStudyStatus.Active);
        var recruiting = records.Count(r => r.Status?.OverallStatus is OverallStatus.Recruiting or OverallStatus.EnrollingByInvitation or OverallStatus.Available);

        Assert.Equal(recruiting, active);
        Assert.True(active < records.Count / 2, $"{active} of {records.Count} active");
    }
}
