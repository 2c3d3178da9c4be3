using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static StudyIdentifier Identifier(CtNode info) => new()
    {
        Id = info.RequiredString("id"),
        Type = info.Enum<StudyIdType>("type"),
        Domain = info.String("domain"),
        Link = info.String("link"),
    };

    private static OrganizationRef Organization(CtNode organization, string nameField) => new()
    {
        Name = organization.RequiredString(nameField),
        Class = organization.Enum<AgencyClass>("class"),
    };

    private static ResponsibleParty ResponsibleParty(CtNode party) => new()
    {
        Type = party.Enum<ResponsiblePartyType>("type"),
        InvestigatorFullName = party.String("investigatorFullName"),
        InvestigatorTitle = party.String("investigatorTitle"),
        InvestigatorAffiliation = party.String("investigatorAffiliation"),
        OldNameTitle = party.String("oldNameTitle"),
        OldOrganization = party.String("oldOrganization"),
    };

    private static Oversight Oversight(CtNode oversight) => new()
    {
        HasDataMonitoringCommittee = oversight.Bool("oversightHasDmc"),
        IsFdaRegulatedDrug = oversight.Bool("isFdaRegulatedDrug"),
        IsFdaRegulatedDevice = oversight.Bool("isFdaRegulatedDevice"),
        IsUnapprovedDevice = oversight.Bool("isUnapprovedDevice"),
        IsPpsd = oversight.Bool("isPpsd"),
        IsUsExport = oversight.Bool("isUsExport"),
        Fdaaa801Violation = oversight.Bool("fdaaa801Violation"),
    };
}
