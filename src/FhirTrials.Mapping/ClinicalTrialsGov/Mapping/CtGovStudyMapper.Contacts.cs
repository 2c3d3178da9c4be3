using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static Contact Contact(CtNode contact) => new()
    {
        Name = contact.String("name"),
        Role = contact.Enum<ContactRole>("role"),
        Phone = contact.String("phone"),
        PhoneExt = contact.String("phoneExt"),
        Email = contact.String("email"),
    };

    private static Official Official(CtNode official) => new()
    {
        Name = official.RequiredString("name"),
        Affiliation = official.String("affiliation"),
        Role = official.Enum<OfficialRole>("role"),
    };

    private static Location Location(CtNode location) => new()
    {
        Facility = location.String("facility"),
        City = location.String("city"),
        State = location.String("state"),
        Zip = location.String("zip"),
        Country = location.String("country"),
        Status = location.Enum<RecruitmentStatus>("status"),
        GeoPoint = location.Object("geoPoint") is { } point ? GeoPoint(point) : null,
        Contacts = location.Objects("contacts", Contact),
    };

    private static GeoPoint GeoPoint(CtNode point) => new()
    {
        Lat = point.Double("lat") ?? throw point.Error("lat", "required field is missing"),
        Lon = point.Double("lon") ?? throw point.Error("lon", "required field is missing"),
    };
}
