using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// A site → Location: facility as name, city/state/zip/country as address, the geo point as position,
/// and each site contact as an R5 Location.contact extension (purpose: the CT.gov contact role).
/// </summary>
internal static class SiteMapper
{
    /// <summary>Adds the Location and returns the ResearchStudy.site reference to it.</summary>
    public static Reference Map(TrialMappingContext context, Records.Location source, int number)
    {
        var location = new Location { Id = context.Keys.Site(number), Meta = Elements.Meta(Profiles.Site), Name = source.Facility };
        if (source.City is not null || source.State is not null || source.Zip is not null || source.Country is not null)
        {
            location.Address = new Address { City = source.City, State = source.State, PostalCode = source.Zip, Country = source.Country };
        }

        if (source.GeoPoint is { } point)
        {
            location.Position = new Location.PositionComponent { LatitudeElement = Elements.Decimal(point.Lat), LongitudeElement = Elements.Decimal(point.Lon) };
        }

        foreach (var contact in source.Contacts ?? [])
        {
            var extension = location.AddExtension(ExtensionUrls.LocationContact);
            if (contact.Role is { } role)
            {
                extension.AddExtension("purpose", new CodeableConcept
                {
                    Coding = [Concepts.Coding(SystemUris.CtGovEnumeration("ContactRole"), Records.Json.EnumWire<Records.ContactRole>.ToWire(role), null)],
                });
            }

            if (contact.Name is { } name)
            {
                extension.AddExtension("name", new HumanName { Text = name });
            }

            var telecom = new List<ContactPoint>();
            Elements.AddTelecom(telecom, contact);
            foreach (var contactPoint in telecom)
            {
                extension.AddExtension("telecom", contactPoint);
            }
        }

        context.AddKeyed(location, location.Identifier);
        return context.ReferenceTo("Location", location.Id, source.Facility);
    }
}
