using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FhirTrials.Mapping.Records.Json;

/// <summary>
/// Source-generated serializer metadata for the trial record format: camelCase names, nulls omitted
/// on write, unknown properties and missing required properties rejected on read.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    WriteIndented = true,
    IndentSize = 2)]
[JsonSerializable(typeof(TrialRecord))]
[JsonSerializable(typeof(OverallStatus))]
[JsonSerializable(typeof(RecruitmentStatus))]
[JsonSerializable(typeof(ExpandedAccessStatus))]
[JsonSerializable(typeof(DateType))]
[JsonSerializable(typeof(AgencyClass))]
[JsonSerializable(typeof(ResponsiblePartyType))]
[JsonSerializable(typeof(ContactRole))]
[JsonSerializable(typeof(OfficialRole))]
[JsonSerializable(typeof(StudyIdType))]
[JsonSerializable(typeof(StudyType))]
[JsonSerializable(typeof(Phase))]
[JsonSerializable(typeof(DesignAllocation))]
[JsonSerializable(typeof(InterventionModel))]
[JsonSerializable(typeof(PrimaryPurpose))]
[JsonSerializable(typeof(ObservationalModel))]
[JsonSerializable(typeof(TimePerspective))]
[JsonSerializable(typeof(Masking))]
[JsonSerializable(typeof(WhoMasked))]
[JsonSerializable(typeof(BioSpecRetention))]
[JsonSerializable(typeof(EnrollmentType))]
[JsonSerializable(typeof(ArmGroupType))]
[JsonSerializable(typeof(InterventionType))]
[JsonSerializable(typeof(TimingAnchor))]
[JsonSerializable(typeof(Sex))]
[JsonSerializable(typeof(StandardAge))]
[JsonSerializable(typeof(SamplingMethod))]
[JsonSerializable(typeof(ReferenceType))]
[JsonSerializable(typeof(IpdSharing))]
[JsonSerializable(typeof(IpdSharingInfoType))]
public sealed partial class TrialRecordJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Same metadata with readable text escaping (non-ASCII letters, '+', '&lt;' written as is), used
    /// for writing record files; reading is unaffected by escaping.
    /// </summary>
    public static TrialRecordJsonContext Files => FilesContext.Value;

    private static readonly Lazy<TrialRecordJsonContext> FilesContext = new(CreateFiles);

    private static TrialRecordJsonContext CreateFiles()
    {
        JsonSerializerOptions options = Default.Options;
        return new TrialRecordJsonContext(new JsonSerializerOptions(options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
