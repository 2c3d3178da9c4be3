using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The identification module, and the identifiers and organizations that other modules use too.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames IdentificationNames = CtFieldNames.Of(typeof(IdentificationField));
    private static readonly CtFieldNames IdentifierNames = CtFieldNames.Of(typeof(IdentifierField));
    private static readonly CtFieldNames OrganizationNames = CtFieldNames.Of(typeof(OrganizationField));

    private enum IdentificationField { NctId, NctIdAliases, OrgStudyIdInfo, SecondaryIdInfos, Organization, BriefTitle, OfficialTitle, Acronym }

    private enum IdentifierField { Id, Type, Domain, Link }

    private enum OrganizationField { Name, FullName, Class }

    /// <summary>The record's identification fields (the rest is added by <see cref="Build"/>).</summary>
    private TrialRecord ReadIdentification(ref Utf8JsonReader reader)
    {
        string? nctId = null, briefTitle = null, officialTitle = null, acronym = null;
        List<string>? aliases = null;
        StudyIdentifier? orgStudyId = null;
        List<StudyIdentifier>? secondaryIds = null;
        OrganizationRef? organization = null;
        var scope = Enter(IdentificationNames);
        while (Next(ref reader, ref scope, out var field))
        {
            _step = field == (int)IdentificationField.NctId ? Step.NctId : Step.Identification;
            switch ((IdentificationField)field)
            {
                case IdentificationField.NctId: nctId = _nctId = String(ref reader); break;
                case IdentificationField.NctIdAliases: aliases = Strings(ref reader); break;
                case IdentificationField.OrgStudyIdInfo: orgStudyId = IsObject(ref reader) ? Identifier(this, ref reader) : null; break;
                case IdentificationField.SecondaryIdInfos: secondaryIds = Objects(ref reader, Identifier); break;
                case IdentificationField.Organization: organization = IsObject(ref reader) ? Organization(ref reader, OrganizationField.FullName) : null; break;
                case IdentificationField.BriefTitle: briefTitle = String(ref reader); break;
                case IdentificationField.OfficialTitle: officialTitle = String(ref reader); break;
                default: acronym = String(ref reader); break;
            }
        }

        if (nctId is null)
        {
            Missing(ref scope, (int)IdentificationField.NctId, Step.NctId);
        }

        return new TrialRecord
        {
            RecordVersion = TrialRecord.CurrentVersion,
            RegistryId = nctId ?? "",
            RegistryIdAliases = aliases,
            OrgStudyId = orgStudyId,
            SecondaryIds = secondaryIds,
            Organization = organization,
            BriefTitle = briefTitle,
            OfficialTitle = officialTitle,
            Acronym = acronym,
        };
    }

    private static StudyIdentifier Identifier(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? id = null, domain = null, link = null;
        StudyIdType? type = null;
        var scope = study.Enter(IdentifierNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((IdentifierField)field)
            {
                case IdentifierField.Id: id = study.String(ref reader); break;
                case IdentifierField.Type: type = study.Enum<StudyIdType>(ref reader); break;
                case IdentifierField.Domain: domain = study.String(ref reader); break;
                default: link = study.String(ref reader); break;
            }
        }

        return new StudyIdentifier { Id = study.Required(id, ref scope, (int)IdentifierField.Id), Type = type, Domain = domain, Link = link };
    }

    /// <summary>An organization whose name is in <paramref name="nameField"/> (the other name field is ignored).</summary>
    private OrganizationRef Organization(ref Utf8JsonReader reader, OrganizationField nameField)
    {
        string? name = null;
        AgencyClass? agencyClass = null;
        var scope = Enter(OrganizationNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)OrganizationField.Class)
            {
                agencyClass = Enum<AgencyClass>(ref reader);
            }
            else if (field == (int)nameField)
            {
                name = String(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return new OrganizationRef { Name = Required(name, ref scope, (int)nameField), Class = agencyClass };
    }
}
