using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Sponsors, oversight and description modules.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames SponsorNames = CtFieldNames.Of(typeof(SponsorField));
    private static readonly CtFieldNames PartyNames = CtFieldNames.Of(typeof(PartyField));
    private static readonly CtFieldNames OversightNames = CtFieldNames.Of(typeof(OversightField));
    private static readonly CtFieldNames DescriptionNames = CtFieldNames.Of(typeof(DescriptionField));

    private enum SponsorField { LeadSponsor, Collaborators, ResponsibleParty }

    private enum PartyField { Type, InvestigatorFullName, InvestigatorTitle, InvestigatorAffiliation, OldNameTitle, OldOrganization }

    private enum OversightField { OversightHasDmc, IsFdaRegulatedDrug, IsFdaRegulatedDevice, IsUnapprovedDevice, IsPpsd, IsUsExport, Fdaaa801Violation }

    private enum DescriptionField { BriefSummary, DetailedDescription }

    private (OrganizationRef? Lead, List<OrganizationRef>? Collaborators, ResponsibleParty? Party) ReadSponsors(ref Utf8JsonReader reader)
    {
        (OrganizationRef? Lead, List<OrganizationRef>? Collaborators, ResponsibleParty? Party) sponsors = default;
        var scope = Enter(SponsorNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((SponsorField)field)
            {
                case SponsorField.LeadSponsor:
                    sponsors.Lead = IsObject(ref reader) ? Organization(ref reader, OrganizationField.Name) : null;
                    break;
                case SponsorField.Collaborators:
                    sponsors.Collaborators = Objects(ref reader, static (study, ref item) => study.Organization(ref item, OrganizationField.Name));
                    break;
                default:
                    sponsors.Party = IsObject(ref reader) ? ReadParty(ref reader) : null;
                    break;
            }
        }

        return sponsors;
    }

    private ResponsibleParty ReadParty(ref Utf8JsonReader reader)
    {
        ResponsiblePartyType? type = null;
        var texts = new string?[5];
        var scope = Enter(PartyNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)PartyField.Type)
            {
                type = Enum<ResponsiblePartyType>(ref reader);
            }
            else
            {
                texts[field - 1] = String(ref reader); // the text fields follow Type in PartyField
            }
        }

        return new ResponsibleParty
        {
            Type = type,
            InvestigatorFullName = texts[0],
            InvestigatorTitle = texts[1],
            InvestigatorAffiliation = texts[2],
            OldNameTitle = texts[3],
            OldOrganization = texts[4],
        };
    }

    private Oversight ReadOversight(ref Utf8JsonReader reader)
    {
        var flags = new bool?[7];
        var scope = Enter(OversightNames);
        while (Next(ref reader, ref scope, out var field))
        {
            flags[field] = Bool(ref reader);
        }

        return new Oversight
        {
            HasDataMonitoringCommittee = flags[(int)OversightField.OversightHasDmc],
            IsFdaRegulatedDrug = flags[(int)OversightField.IsFdaRegulatedDrug],
            IsFdaRegulatedDevice = flags[(int)OversightField.IsFdaRegulatedDevice],
            IsUnapprovedDevice = flags[(int)OversightField.IsUnapprovedDevice],
            IsPpsd = flags[(int)OversightField.IsPpsd],
            IsUsExport = flags[(int)OversightField.IsUsExport],
            Fdaaa801Violation = flags[(int)OversightField.Fdaaa801Violation],
        };
    }

    private (string? Summary, string? Detailed) ReadDescription(ref Utf8JsonReader reader)
    {
        var texts = Texts(ref reader, DescriptionNames, out _);
        return (texts[(int)DescriptionField.BriefSummary], texts[(int)DescriptionField.DetailedDescription]);
    }
}
