using System.Text.Json;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Maps one CT.gov API v2 study object to a trial record. Every protocol field is kept; from the
/// derived section only the MeSH codes (conditions, interventions) and the data version. Results,
/// annotations, documents and unknown (newer or non-standard) fields are ignored.
/// </summary>
internal static partial class CtGovStudyMapper
{
    public const string SourceName = "ClinicalTrials.gov API v2";

    /// <summary>Maps <paramref name="study"/>; field problems throw <see cref="CtGovFieldException"/>.</summary>
    public static TrialRecord Map(JsonElement study, MappingTables tables)
    {
        if (study.ValueKind != JsonValueKind.Object)
        {
            throw new CtGovFieldException("$", "a study must be a JSON object");
        }

        var root = new CtNode(study, "");
        var protocol = root.Object("protocolSection")
            ?? throw new CtGovFieldException("protocolSection", "required section is missing");
        var derived = root.Object("derivedSection");
        var identification = protocol.Object("identificationModule")
            ?? throw new CtGovFieldException("protocolSection.identificationModule", "required module is missing");
        var nctId = identification.RequiredString("nctId");
        var status = protocol.Object("statusModule");
        var sponsors = protocol.Object("sponsorCollaboratorsModule");
        var description = protocol.Object("descriptionModule");
        var conditions = protocol.Object("conditionsModule");
        var design = protocol.Object("designModule");
        var arms = protocol.Object("armsInterventionsModule");
        var contacts = protocol.Object("contactsLocationsModule");
        var references = protocol.Object("referencesModule");
        var conditionMeshes = derived?.Object("conditionBrowseModule")?.Objects("meshes", Mesh);
        var interventionMeshes = derived?.Object("interventionBrowseModule")?.Objects("meshes", Mesh);
        var interventions = arms?.Objects("interventions", Intervention);
        var attachedInterventions = MeshAttachment.ToInterventions(interventions, interventionMeshes);

        return new TrialRecord
        {
            RecordVersion = TrialRecord.CurrentVersion,
            RegistryId = nctId,
            RegistryIdAliases = identification.Strings("nctIdAliases"),
            OrgStudyId = identification.Object("orgStudyIdInfo") is { } org ? Identifier(org) : null,
            SecondaryIds = identification.Objects("secondaryIdInfos", Identifier),
            Organization = identification.Object("organization") is { } organization ? Organization(organization, "fullName") : null,
            BriefTitle = identification.String("briefTitle"),
            OfficialTitle = identification.String("officialTitle"),
            Acronym = identification.String("acronym"),
            Status = status is { } s ? Status(s) : null,
            Dates = status is { } d ? Dates(d) : null,
            LeadSponsor = sponsors?.Object("leadSponsor") is { } lead ? Organization(lead, "name") : null,
            Collaborators = sponsors?.Objects("collaborators", item => Organization(item, "name")),
            ResponsibleParty = sponsors?.Object("responsibleParty") is { } party ? ResponsibleParty(party) : null,
            Oversight = protocol.Object("oversightModule") is { } oversight ? Oversight(oversight) : null,
            BriefSummary = description?.String("briefSummary"),
            DetailedDescription = description?.String("detailedDescription"),
            Conditions = MeshAttachment.ToConditions(conditions?.Strings("conditions"), conditionMeshes),
            Keywords = conditions?.Strings("keywords"),
            StudyType = design?.Enum<StudyType>("studyType"),
            Phases = design?.Enums<Phase>("phases"),
            Design = design is { } dm ? Design(dm, tables) : null,
            Enrollment = design?.Object("enrollmentInfo") is { } enrollment ? Enrollment(enrollment) : null,
            Arms = arms?.Objects("armGroups", ArmGroup),
            Interventions = attachedInterventions.Interventions,
            InterventionCodes = attachedInterventions.Unattached,
            Outcomes = protocol.Object("outcomesModule") is { } outcomes ? Outcomes(outcomes) : null,
            Eligibility = protocol.Object("eligibilityModule") is { } eligibility ? Eligibility(eligibility, tables) : null,
            CentralContacts = contacts?.Objects("centralContacts", Contact),
            OverallOfficials = contacts?.Objects("overallOfficials", Official),
            Locations = contacts?.Objects("locations", Location),
            References = references?.Objects("references", Reference),
            SeeAlsoLinks = references?.Objects("seeAlsoLinks", SeeAlsoLink),
            AvailableIpds = references?.Objects("availIpds", AvailableIpd),
            IpdSharing = protocol.Object("ipdSharingStatementModule") is { } ipd ? IpdSharing(ipd) : null,
            HasResults = root.Bool("hasResults"),
            Provenance = new Provenance
            {
                Source = SourceName,
                SourceReference = $"https://clinicaltrials.gov/study/{nctId}",
                LastUpdate = status?.Object("lastUpdatePostDateStruct")?.String("date"),
                DataVersion = derived?.Object("miscInfoModule")?.String("versionHolder"),
            },
        };
    }

    private static Coding Mesh(CtNode mesh) => new()
    {
        System = CodeSystemUris.Mesh,
        Code = mesh.RequiredString("id"),
        Display = mesh.String("term"),
    };
}
