using FhirTrials.Fhir.DataFiles;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Tables;

/// <summary>
/// The CT.gov-to-FHIR R4 mapping tables, loaded once from the embedded files in Tables/Data
/// (see Tables/README.md for the reasoning behind each row).
/// </summary>
public sealed class MappingTables
{
    private const string ResourcePrefix = "FhirTrials.Mapping.Tables.";
    private static readonly Lazy<MappingTables> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _loadCount;

    private MappingTables()
    {
        OverallStatus = new(Read("overall-status", out var name), name);
        SiteRecruitmentStatus = new(Read("site-recruitment-status", out name), name);
        Phase = new(Read("phase", out name), name);
        PrimaryPurpose = new(Read("primary-purpose", out name), name);
        ArmGroupType = new(Read("arm-group-type", out name), name);
        InterventionType = new(Read("intervention-type", out name), name);
        StudyType = new(Read("study-type", out name), name);
        Allocation = new(Read("allocation", out name), name);
        InterventionModel = new(Read("intervention-model", out name), name);
        Masking = new(Read("masking", out name), name);
        WhoMasked = new(Read("who-masked", out name), name);
        ObservationalModel = new(Read("observational-model", out name), name);
        TimePerspective = new(Read("time-perspective", out name), name);
        AgencyClass = new(Read("agency-class", out name), name);
        Sex = new(Read("sex", out name), name);
        TimeUnits = new(ReadResource("time-units", TimeUnitTableData.Read, out _));
    }

    /// <summary>The tables, loaded on first use.</summary>
    public static MappingTables Default => Shared.Value;

    /// <summary>How many times the embedded tables were loaded (once per process).</summary>
    internal static int LoadCount => Volatile.Read(ref _loadCount);

    public MappingTable<OverallStatus> OverallStatus { get; }

    public MappingTable<RecruitmentStatus> SiteRecruitmentStatus { get; }

    public PhaseTable Phase { get; }

    public MappingTable<PrimaryPurpose> PrimaryPurpose { get; }

    public MappingTable<ArmGroupType> ArmGroupType { get; }

    /// <summary>Intervention type to ActivityDefinition.kind (<see cref="MappingRow.Kind"/>) and code.</summary>
    public MappingTable<InterventionType> InterventionType { get; }

    public MappingTable<StudyType> StudyType { get; }

    public MappingTable<DesignAllocation> Allocation { get; }

    public MappingTable<InterventionModel> InterventionModel { get; }

    public MappingTable<Masking> Masking { get; }

    public MappingTable<WhoMasked> WhoMasked { get; }

    public MappingTable<ObservationalModel> ObservationalModel { get; }

    public MappingTable<TimePerspective> TimePerspective { get; }

    /// <summary>Funder type to Organization.type.</summary>
    public MappingTable<AgencyClass> AgencyClass { get; }

    public MappingTable<Sex> Sex { get; }

    public TimeUnitTable TimeUnits { get; }

    private static MappingTables Load()
    {
        Interlocked.Increment(ref _loadCount);
        return new MappingTables();
    }

    private static MappingTableData Read(string id, out string resourceName) =>
        ReadResource(id, MappingTableData.Read, out resourceName);

    private static T ReadResource<T>(string id, Func<DataObject, T> read, out string resourceName)
    {
        resourceName = ResourcePrefix + id + ".json";
        return DataFile.ReadEmbedded(typeof(MappingTables).Assembly, resourceName, read);
    }
}
