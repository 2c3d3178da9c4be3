using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Reference = FhirTrials.Fhir.Model.Reference;

namespace FhirTrials.Mapping.Fhir;

/// <summary>An overall official → Practitioner (the name as written) and PractitionerRole (role, affiliation).</summary>
internal static class PractitionerMapper
{
    /// <summary>Adds both resources and returns a reference to the PractitionerRole (display: the name).</summary>
    public static Reference Map(TrialMappingContext context, Official official, int number, CodeableConcept role)
    {
        var keys = context.Keys;
        var practitioner = new Practitioner { Id = keys.Official(number) };
        practitioner.Name.Add(new HumanName { Text = official.Name });
        context.AddKeyed(practitioner, practitioner.Identifier);

        var practitionerRole = new PractitionerRole
        {
            Id = keys.OfficialRole(number),
            Practitioner = context.ReferenceTo("Practitioner", practitioner.Id, official.Name),
            Organization = official.Affiliation is { } affiliation ? context.Organization(affiliation, agencyClass: null) : null,
        };
        practitionerRole.Code.Add(role);
        context.AddKeyed(practitionerRole, practitionerRole.Identifier);
        return context.ReferenceTo("PractitionerRole", practitionerRole.Id, official.Name);
    }
}
