using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>Status</c>: overall recruitment status (also used for the last known status).</summary>
[JsonConverter(typeof(StrictEnumConverter<OverallStatus>))]
public enum OverallStatus
{
    [JsonStringEnumMemberName("ACTIVE_NOT_RECRUITING")] ActiveNotRecruiting,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("ENROLLING_BY_INVITATION")] EnrollingByInvitation,
    [JsonStringEnumMemberName("NOT_YET_RECRUITING")] NotYetRecruiting,
    [JsonStringEnumMemberName("RECRUITING")] Recruiting,
    [JsonStringEnumMemberName("SUSPENDED")] Suspended,
    [JsonStringEnumMemberName("TERMINATED")] Terminated,
    [JsonStringEnumMemberName("WITHDRAWN")] Withdrawn,
    [JsonStringEnumMemberName("AVAILABLE")] Available,
    [JsonStringEnumMemberName("NO_LONGER_AVAILABLE")] NoLongerAvailable,
    [JsonStringEnumMemberName("TEMPORARILY_NOT_AVAILABLE")] TemporarilyNotAvailable,
    [JsonStringEnumMemberName("APPROVED_FOR_MARKETING")] ApprovedForMarketing,
    [JsonStringEnumMemberName("WITHHELD")] Withheld,
    [JsonStringEnumMemberName("UNKNOWN")] Unknown,
}

/// <summary>CT.gov <c>RecruitmentStatus</c>: recruitment status of one site.</summary>
[JsonConverter(typeof(StrictEnumConverter<RecruitmentStatus>))]
public enum RecruitmentStatus
{
    [JsonStringEnumMemberName("ACTIVE_NOT_RECRUITING")] ActiveNotRecruiting,
    [JsonStringEnumMemberName("COMPLETED")] Completed,
    [JsonStringEnumMemberName("ENROLLING_BY_INVITATION")] EnrollingByInvitation,
    [JsonStringEnumMemberName("NOT_YET_RECRUITING")] NotYetRecruiting,
    [JsonStringEnumMemberName("RECRUITING")] Recruiting,
    [JsonStringEnumMemberName("SUSPENDED")] Suspended,
    [JsonStringEnumMemberName("TERMINATED")] Terminated,
    [JsonStringEnumMemberName("WITHDRAWN")] Withdrawn,
    [JsonStringEnumMemberName("AVAILABLE")] Available,
}

/// <summary>CT.gov <c>ExpandedAccessStatus</c>: status of the expanded-access record a study points to.</summary>
[JsonConverter(typeof(StrictEnumConverter<ExpandedAccessStatus>))]
public enum ExpandedAccessStatus
{
    [JsonStringEnumMemberName("AVAILABLE")] Available,
    [JsonStringEnumMemberName("NO_LONGER_AVAILABLE")] NoLongerAvailable,
    [JsonStringEnumMemberName("TEMPORARILY_NOT_AVAILABLE")] TemporarilyNotAvailable,
    [JsonStringEnumMemberName("APPROVED_FOR_MARKETING")] ApprovedForMarketing,
}

/// <summary>CT.gov <c>DateType</c>: whether a date has happened or is anticipated.</summary>
[JsonConverter(typeof(StrictEnumConverter<DateType>))]
public enum DateType
{
    [JsonStringEnumMemberName("ACTUAL")] Actual,
    [JsonStringEnumMemberName("ESTIMATED")] Estimated,
}
