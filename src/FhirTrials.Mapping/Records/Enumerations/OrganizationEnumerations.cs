using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>AgencyClass</c>: funder type of a sponsor, collaborator or organization.</summary>
[JsonConverter(typeof(StrictEnumConverter<AgencyClass>))]
public enum AgencyClass
{
    [JsonStringEnumMemberName("NIH")] Nih,
    [JsonStringEnumMemberName("FED")] Fed,
    [JsonStringEnumMemberName("OTHER_GOV")] OtherGov,
    [JsonStringEnumMemberName("INDIV")] Indiv,
    [JsonStringEnumMemberName("INDUSTRY")] Industry,
    [JsonStringEnumMemberName("NETWORK")] Network,
    [JsonStringEnumMemberName("AMBIG")] Ambig,
    [JsonStringEnumMemberName("OTHER")] Other,
    [JsonStringEnumMemberName("UNKNOWN")] Unknown,
}

/// <summary>CT.gov <c>ResponsiblePartyType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ResponsiblePartyType>))]
public enum ResponsiblePartyType
{
    [JsonStringEnumMemberName("SPONSOR")] Sponsor,
    [JsonStringEnumMemberName("PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [JsonStringEnumMemberName("SPONSOR_INVESTIGATOR")] SponsorInvestigator,
}

/// <summary>CT.gov <c>ContactRole</c>: role of a central or site contact.</summary>
[JsonConverter(typeof(StrictEnumConverter<ContactRole>))]
public enum ContactRole
{
    [JsonStringEnumMemberName("STUDY_CHAIR")] StudyChair,
    [JsonStringEnumMemberName("STUDY_DIRECTOR")] StudyDirector,
    [JsonStringEnumMemberName("PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [JsonStringEnumMemberName("SUB_INVESTIGATOR")] SubInvestigator,
    [JsonStringEnumMemberName("CONTACT")] Contact,
}

/// <summary>CT.gov <c>OfficialRole</c>: role of an overall official.</summary>
[JsonConverter(typeof(StrictEnumConverter<OfficialRole>))]
public enum OfficialRole
{
    [JsonStringEnumMemberName("STUDY_CHAIR")] StudyChair,
    [JsonStringEnumMemberName("STUDY_DIRECTOR")] StudyDirector,
    [JsonStringEnumMemberName("PRINCIPAL_INVESTIGATOR")] PrincipalInvestigator,
    [JsonStringEnumMemberName("SUB_INVESTIGATOR")] SubInvestigator,
}

/// <summary>
/// CT.gov <c>SecondaryIdType</c> (a superset of <c>OrgStudyIdType</c>): kind of a study identifier.
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<StudyIdType>))]
public enum StudyIdType
{
    [JsonStringEnumMemberName("NIH")] Nih,
    [JsonStringEnumMemberName("FDA")] Fda,
    [JsonStringEnumMemberName("VA")] Va,
    [JsonStringEnumMemberName("CDC")] Cdc,
    [JsonStringEnumMemberName("AHRQ")] Ahrq,
    [JsonStringEnumMemberName("SAMHSA")] Samhsa,
    [JsonStringEnumMemberName("OTHER_GRANT")] OtherGrant,
    [JsonStringEnumMemberName("EUDRACT_NUMBER")] EudractNumber,
    [JsonStringEnumMemberName("CTIS")] Ctis,
    [JsonStringEnumMemberName("REGISTRY")] Registry,
    [JsonStringEnumMemberName("OTHER")] Other,
}
