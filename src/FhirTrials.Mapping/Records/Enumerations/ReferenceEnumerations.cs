using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>ReferenceType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ReferenceType>))]
public enum ReferenceType
{
    [JsonStringEnumMemberName("BACKGROUND")] Background,
    [JsonStringEnumMemberName("RESULT")] Result,
    [JsonStringEnumMemberName("DERIVED")] Derived,
}

/// <summary>CT.gov <c>IpdSharing</c>: plan to share individual participant data.</summary>
[JsonConverter(typeof(StrictEnumConverter<IpdSharing>))]
public enum IpdSharing
{
    [JsonStringEnumMemberName("YES")] Yes,
    [JsonStringEnumMemberName("NO")] No,
    [JsonStringEnumMemberName("UNDECIDED")] Undecided,
}

/// <summary>CT.gov <c>IpdSharingInfoType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<IpdSharingInfoType>))]
public enum IpdSharingInfoType
{
    [JsonStringEnumMemberName("STUDY_PROTOCOL")] StudyProtocol,
    [JsonStringEnumMemberName("SAP")] Sap,
    [JsonStringEnumMemberName("ICF")] Icf,
    [JsonStringEnumMemberName("CSR")] Csr,
    [JsonStringEnumMemberName("ANALYTIC_CODE")] AnalyticCode,
}
