using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The contacts and locations module.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames ContactsNames = CtFieldNames.Of(typeof(ContactsField));
    private static readonly CtFieldNames ContactNames = CtFieldNames.Of(typeof(ContactField));
    private static readonly CtFieldNames OfficialNames = CtFieldNames.Of(typeof(OfficialField));
    private static readonly CtFieldNames LocationNames = CtFieldNames.Of(typeof(LocationField));
    private static readonly CtFieldNames GeoPointNames = CtFieldNames.Of(typeof(GeoPointField));

    private enum ContactsField { CentralContacts, OverallOfficials, Locations }

    private enum ContactField { Name, Role, Phone, PhoneExt, Email }

    private enum OfficialField { Name, Affiliation, Role }

    private enum LocationField { Facility, City, State, Zip, Country, Status, GeoPoint, Contacts }

    private enum GeoPointField { Lat, Lon }

    private (List<Contact>? Central, List<Official>? Officials, List<Location>? Locations) ReadContacts(ref Utf8JsonReader reader)
    {
        (List<Contact>? Central, List<Official>? Officials, List<Location>? Locations) contacts = default;
        var scope = Enter(ContactsNames);
        while (Next(ref reader, ref scope, out var field))
        {
            switch ((ContactsField)field)
            {
                case ContactsField.CentralContacts: contacts.Central = Objects(ref reader, ReadContact); break;
                case ContactsField.OverallOfficials: contacts.Officials = Objects(ref reader, ReadOfficial); break;
                default: contacts.Locations = Objects(ref reader, ReadLocation); break;
            }
        }

        return contacts;
    }

    private static Contact ReadContact(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? name = null, phone = null, phoneExt = null, email = null;
        ContactRole? role = null;
        var scope = study.Enter(ContactNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((ContactField)field)
            {
                case ContactField.Name: name = study.String(ref reader); break;
                case ContactField.Role: role = study.Enum<ContactRole>(ref reader); break;
                case ContactField.Phone: phone = study.String(ref reader); break;
                case ContactField.PhoneExt: phoneExt = study.String(ref reader); break;
                default: email = study.String(ref reader); break;
            }
        }

        return new Contact { Name = name, Role = role, Phone = phone, PhoneExt = phoneExt, Email = email };
    }

    private static Official ReadOfficial(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? name = null, affiliation = null;
        OfficialRole? role = null;
        var scope = study.Enter(OfficialNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((OfficialField)field)
            {
                case OfficialField.Name: name = study.String(ref reader); break;
                case OfficialField.Affiliation: affiliation = study.String(ref reader); break;
                default: role = study.Enum<OfficialRole>(ref reader); break;
            }
        }

        return new Official { Name = study.Required(name, ref scope, (int)OfficialField.Name), Affiliation = affiliation, Role = role };
    }

    private static Location ReadLocation(CtGovStudyReader study, ref Utf8JsonReader reader)
    {
        string? facility = null, city = null, state = null, zip = null, country = null;
        RecruitmentStatus? status = null;
        GeoPoint? geoPoint = null;
        List<Contact>? contacts = null;
        var scope = study.Enter(LocationNames);
        while (study.Next(ref reader, ref scope, out var field))
        {
            switch ((LocationField)field)
            {
                case LocationField.Facility: facility = study.String(ref reader); break;
                case LocationField.City: city = study.String(ref reader); break;
                case LocationField.State: state = study.String(ref reader); break;
                case LocationField.Zip: zip = study.String(ref reader); break;
                case LocationField.Country: country = study.String(ref reader); break;
                case LocationField.Status: status = study.Enum<RecruitmentStatus>(ref reader); break;
                case LocationField.GeoPoint: geoPoint = study.IsObject(ref reader) ? study.ReadGeoPoint(ref reader) : null; break;
                default: contacts = study.Objects(ref reader, ReadContact); break;
            }
        }

        return new Location
        {
            Facility = facility,
            City = city,
            State = state,
            Zip = zip,
            Country = country,
            Status = status,
            GeoPoint = geoPoint,
            Contacts = contacts,
        };
    }

    private GeoPoint ReadGeoPoint(ref Utf8JsonReader reader)
    {
        double? lat = null, lon = null;
        var scope = Enter(GeoPointNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)GeoPointField.Lat)
            {
                lat = Double(ref reader);
            }
            else
            {
                lon = Double(ref reader);
            }
        }

        Require(lat is not null, ref scope, (int)GeoPointField.Lat);
        Require(lon is not null, ref scope, (int)GeoPointField.Lon);
        return new GeoPoint { Lat = lat ?? 0, Lon = lon ?? 0 };
    }
}
