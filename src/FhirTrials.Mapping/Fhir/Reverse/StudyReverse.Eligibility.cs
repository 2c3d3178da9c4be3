using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Fhir;

internal static partial class StudyReverse
{
    /// <summary>
    /// Eligibility from the enrollment Group: criteria as written (R5 Group.description), the age range,
    /// sex and healthy volunteers from the characteristics that were not read from the criteria (those
    /// carry criterion-source and are re-derived by parsing the criteria).
    /// </summary>
    private static Records.Eligibility? Eligibility(ReverseContext context)
    {
        var group = context.Study.Enrollment.Select(context.Resources.Resolve<Group>).FirstOrDefault(g => g is not null);
        if (group is null)
        {
            return null;
        }

        context.Keep<Records.Eligibility>(group, "eligibility");
        var recordLevel = group.Characteristic.Where(c => c.GetExtension(ExtensionUrls.CriterionSource) is null).ToList();
        var age = recordLevel.FirstOrDefault(c => HasCode(c.Code, SystemUris.Snomed, "397669002"))?.Value as FhirTrials.Fhir.Model.Range;
        var sex = recordLevel.FirstOrDefault(c => HasCode(c.Code, SystemUris.Snomed, "263495000"))?.Value as CodeableConcept;
        var healthy = recordLevel.FirstOrDefault(c => context.Terminology.Eligibility.Key(c.Code) == "healthyVolunteers")?.Value as FhirBoolean;
        return new Records.Eligibility
        {
            Criteria = (group.GetExtensionValue(ExtensionUrls.GroupDescription) as Markdown)?.Value,
            MinimumAge = age?.Low is { } low ? Elements.ToParsedDuration(low) : null,
            MaximumAge = age?.High is { } high ? Elements.ToParsedDuration(high) : null,
            Sex = Concepts.ToTable(context.Tables.Sex, sex),
            HealthyVolunteers = healthy?.Value,
        };
    }

    private static bool HasCode(CodeableConcept? concept, string system, string code) =>
        concept?.Coding.Any(c => c.System == system && c.Code == code) == true;

    /// <summary>Sites from the Locations of ResearchStudy.site, with the recruitment status kept on each reference.</summary>
    private static IReadOnlyList<Records.Location>? Locations(ReverseContext context)
    {
        var locations = new List<Records.Location>();
        foreach (var site in context.Study.Site)
        {
            var location = context.Resources.Resolve<FhirTrials.Fhir.Model.Location>(site)
                ?? throw new TrialReverseMappingException($"ResearchStudy/{context.Study.Id}: site {site.ReferenceValue} is not among the resources");
            var contacts = location.GetExtensions(ExtensionUrls.LocationContact).Select(contact => Elements.ToContact(
                (Part(contact, "name") as HumanName)?.Text,
                ContactRoleOf(Part(contact, "purpose") as CodeableConcept),
                contact.GetExtensions("telecom").Select(t => t.Value).OfType<ContactPoint>())).ToList();
            var position = location.Position;
            locations.Add(new Records.Location
            {
                Facility = location.Name,
                City = location.Address?.City,
                State = location.Address?.State,
                Zip = location.Address?.PostalCode,
                Country = location.Address?.Country,
                Status = Concepts.ToTable(context.Tables.SiteRecruitmentStatus, site.GetExtensionValue(ExtensionUrls.SiteRecruitmentStatus) as CodeableConcept),
                GeoPoint = Elements.Double(position?.LatitudeElement) is { } lat && Elements.Double(position?.LongitudeElement) is { } lon
                    ? new GeoPoint { Lat = lat, Lon = lon }
                    : null,
                Contacts = NullIfEmpty(contacts),
            });
            context.Keep<Records.Location>(location, "locations", locations.Count - 1);
        }

        return NullIfEmpty(locations);
    }
}
