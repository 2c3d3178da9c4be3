using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    /// <summary>Lead sponsor or collaborators: the R5 associatedParty entries with that role (name and CT.gov funder class).</summary>
    private static List<OrganizationRef> Organizations(ReverseContext context, string property)
    {
        var result = Complex(context.Study, ExtensionUrls.AssociatedParty)
            .Where(party => context.Terminology.PartyRole.Key(Part(party, "role") as CodeableConcept) == property)
            .Select(party => new OrganizationRef
            {
                Name = (Part(party, "name") as FhirString)?.Value ?? (Part(party, "party") as FhirTrials.Fhir.Model.Reference)?.Display ?? "",
                Class = Concepts.ToTable(context.Tables.AgencyClass, Part(party, "classifier") as CodeableConcept),
            })
            .Where(o => o.Name.Length > 0)
            .ToList();
        if (result.Count == 0 && property == "leadSponsor" && context.Study.Sponsor is { } sponsor)
        {
            var name = sponsor.Display ?? context.Resources.Resolve<Organization>(sponsor)?.Name;
            if (name is not null)
            {
                result.Add(new OrganizationRef { Name = name });
            }
        }

        return result;
    }

    /// <summary>Overall officials: the associatedParty entries that are not organizations (name, role, affiliation of their PractitionerRole).</summary>
    private static IReadOnlyList<Official>? Officials(ReverseContext context)
    {
        var roles = context.Terminology.PartyRole;
        var officials = Complex(context.Study, ExtensionUrls.AssociatedParty)
            .Where(party => roles.Key(Part(party, "role") as CodeableConcept) is null)
            .Select(party =>
            {
                var role = Part(party, "role") as CodeableConcept;
                var practitionerRole = context.Resources.Resolve<PractitionerRole>(Part(party, "party") as FhirTrials.Fhir.Model.Reference);
                var affiliation = practitionerRole?.Organization is { } organization
                    ? organization.Display ?? context.Resources.Resolve<Organization>(organization)?.Name
                    : null;
                return new Official
                {
                    Name = (Part(party, "name") as FhirString)?.Value ?? throw new TrialReverseMappingException($"ResearchStudy/{context.Study.Id}: an associatedParty has no name"),
                    Role = Concepts.ToTable(context.Terminology.OfficialRole, role),
                    Affiliation = affiliation,
                };
            });
        return NullIfEmpty(officials);
    }

    private static IReadOnlyList<Contact>? CentralContacts(ReverseContext context)
    {
        var contacts = new List<Contact>();
        foreach (var detail in context.Study.Contact)
        {
            contacts.Add(Elements.ToContact(detail.Name, role: null, detail.Telecom));
            context.Keep<Contact>(detail, "centralContacts", contacts.Count - 1);
        }

        return NullIfEmpty(contacts);
    }

    /// <summary>A CT.gov contact role coding (site contact purpose), or null.</summary>
    private static ContactRole? ContactRoleOf(CodeableConcept? purpose) =>
        purpose?.Coding.FirstOrDefault(c => c.System == SystemUris.CtGovEnumeration("ContactRole"))?.Code is { } code
        && EnumWire<ContactRole>.TryParse(code, out var role) ? role : null;
}
