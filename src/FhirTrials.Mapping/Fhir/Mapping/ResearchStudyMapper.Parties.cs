using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Reference = FhirTrials.Fhir.Model.Reference;

namespace FhirTrials.Mapping.Fhir;

internal static partial class ResearchStudyMapper
{
    /// <summary>Role text of an official without a CT.gov role (R5 associatedParty.role is required).</summary>
    internal const string UnknownOfficialRole = "Overall official";

    private static readonly HashSet<string> ContactMapped = new(StringComparer.Ordinal) { "name", "phone", "phoneExt", "email" };

    /// <summary>
    /// Sponsor and collaborators (shared Organizations), overall officials (Practitioner +
    /// PractitionerRole), all listed as R5 associatedParty; the first principal investigator as
    /// principalInvestigator; central contacts as contact.
    /// </summary>
    private static void Parties(TrialMappingContext context, ResearchStudy study)
    {
        var record = context.Record;
        var roles = context.Terminology.PartyRole;
        if (record.LeadSponsor is { } sponsor)
        {
            study.Sponsor = context.Organization(sponsor.Name, sponsor.Class);
            AddParty(study, sponsor.Name, new CodeableConcept { Coding = [roles.Coding("leadSponsor")] }, Classifier(context, sponsor), study.Sponsor);
        }

        foreach (var collaborator in record.Collaborators ?? [])
        {
            var party = context.Organization(collaborator.Name, collaborator.Class);
            AddParty(study, collaborator.Name, new CodeableConcept { Coding = [roles.Coding("collaborators")] }, Classifier(context, collaborator), party);
        }

        var number = 0;
        foreach (var official in record.OverallOfficials ?? [])
        {
            number++;
            var role = official.Role is { } officialRole ? OfficialRoleConcept(context, officialRole) : Concepts.Text(UnknownOfficialRole);
            var practitionerRole = PractitionerMapper.Map(context, official, number, role);
            AddParty(study, official.Name, role, classifier: null, practitionerRole);
            if (official.Role == OfficialRole.PrincipalInvestigator)
            {
                study.PrincipalInvestigator ??= practitionerRole;
            }
        }

        foreach (var contact in record.CentralContacts ?? [])
        {
            var detail = new ContactDetail { Name = contact.Name };
            Elements.AddTelecom(detail.Telecom, contact);
            RegistryFields.Add(detail, contact, ContactMapped);
            study.Contact.Add(detail);
        }
    }

    /// <summary>The official's role: the R5 party role and the exact CT.gov OfficialRole.</summary>
    private static CodeableConcept OfficialRoleConcept(TrialMappingContext context, OfficialRole role)
    {
        var table = context.Terminology.OfficialRole;
        var concept = Concepts.FromTable(table, role);
        if (!Concepts.NeedsSourceCoding(table, role))
        {
            concept.Coding.Add(Concepts.SourceCoding(table, role));
        }

        return concept;
    }

    private static CodeableConcept? Classifier(TrialMappingContext context, OrganizationRef organization) =>
        organization.Class is { } funder ? new CodeableConcept { Coding = [Concepts.SourceCoding(context.Tables.AgencyClass, funder)] } : null;

    private static void AddParty(ResearchStudy study, string name, CodeableConcept role, CodeableConcept? classifier, Reference party)
    {
        var extension = study.AddExtension(ExtensionUrls.AssociatedParty);
        extension.AddExtension("name", new FhirString(name));
        extension.AddExtension("role", role);

        if (classifier is not null)
        {
            extension.AddExtension("classifier", classifier);
        }

        extension.AddExtension("party", party);
    }
}
