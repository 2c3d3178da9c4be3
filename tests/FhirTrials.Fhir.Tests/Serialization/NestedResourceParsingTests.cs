using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>Typed parsing converts nested resources as it reads them; the result equals converting the whole tree.</summary>
public sealed class NestedResourceParsingTests
{
    private const string BundleJson = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"fullUrl": "urn:uuid:1", "resource": {"resourceType": "Patient", "id": "p1",
            "contained": [{"resourceType": "Practitioner", "id": "dr", "name": [{"family": "Who"}]}],
            "generalPractitioner": [{"reference": "#dr"}], "birthDate": "1970-01-01"}},
          {"resource": {"resourceType": "Parameters", "parameter": [
            {"name": "a", "resource": {"resourceType": "Organization", "name": "Org \u00e9"}}]}},
          {"resource": {"resourceType": "Basic", "id": "b", "code": {"text": "x"},
            "contained": [{"resourceType": "Patient", "id": "inside", "gender": "other"}]}}
        ]}
        """;

    [Fact]
    public void Parse_BundleWithNestedAndContainedResources_EqualsConvertingTheWholeTree()
    {
        var json = Encoding.UTF8.GetBytes(BundleJson);

        var early = FhirJsonParser.Parse<Bundle>(json);
        var whole = (Bundle)NodeReader.Resource(FhirJsonParser.ParseNode(json));

        Assert.Equal(Write(whole), Write(early));
        var patient = Assert.IsType<Patient>(early.Entry[0].Resource);
        Assert.Equal("Who", Assert.IsType<Practitioner>(Assert.Single(patient.Contained)).Name[0].Family);
        var organization = Assert.IsType<Organization>(Assert.IsType<Parameters>(early.Entry[1].Resource).Parameter[0].Resource);
        Assert.Equal("Org é", organization.Name);
        Assert.Equal("b", early.Entry[2].Resource!.Id);
        Assert.Contains("\"code\":{\"text\":\"x\"}", Write(early), StringComparison.Ordinal);
        Assert.Contains("\"id\":\"inside\",\"gender\":\"other\"", Write(early), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorInsideASecondEntry_StillNamesItsLocation()
    {
        var json = Encoding.UTF8.GetBytes("""
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Patient", "birthDate": "1970-01-01"}},
              {"resource": {"resourceType": "Patient", "birthDate": "1970-13-01"}}]}
            """);

        var error = Assert.Throws<FhirParseException>(() => FhirJsonParser.Parse<Bundle>(json, "b.json"));

        Assert.Contains("Bundle.entry[1].resource.birthDate", error.Message, StringComparison.Ordinal);
    }

    private static string Write(Resource resource) => Encoding.UTF8.GetString(FhirJsonSerializer.SerializeToUtf8Bytes(resource));
}
