using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>The shapes the direct typed reader must get exactly right (or leave to the tree): primitive parts, choices, nested resources.</summary>
public sealed class DirectJsonReaderCaseTests
{
    [Fact]
    public void TryParseDirect_NameArrayWithNullsAfterTheValues_MergesByPosition()
    {
        var patient = Assert.IsType<Patient>(ReadBothWays("""
            {"resourceType": "Patient", "name": [{"given": ["Ann", null, "Cy"],
              "_given": [null, {"extension": [{"url": "http://x/e", "valueCode": "masked"}]}, {"id": "g3"}]}]}
            """, expectDirect: true));

        var given = patient.Name[0].GivenElement;
        Assert.Equal(3, given.Count);
        Assert.Equal("Ann", given[0].Value);
        Assert.Null(given[1].Value);
        Assert.Equal("masked", Assert.IsType<Code>(Assert.Single(given[1].Extension).Value).Value);
        Assert.Equal("Cy", given[2].Value);
        Assert.Equal("g3", given[2].ElementId);
    }

    [Fact]
    public void TryParseDirect_NameArrayBeforeTheValues_MergesByPosition()
    {
        var patient = Assert.IsType<Patient>(ReadBothWays("""
            {"resourceType": "Patient", "name": [{"_given": [{"id": "g1"}], "given": ["Ann", "Bo"]}]}
            """, expectDirect: true));

        Assert.Equal(["Ann", "Bo"], patient.Name[0].Given);
        Assert.Equal("g1", patient.Name[0].GivenElement[0].ElementId);
    }

    [Fact]
    public void TryParseDirect_NameArrayWithNullsBeforeTheValues_LeavesItToTheTree()
    {
        ReadBothWays("""
            {"resourceType": "Patient", "name": [{"_given": [null, {"id": "g2"}], "given": ["Ann", "Bo"]}]}
            """, expectDirect: false);
    }

    [Fact]
    public void TryParseDirect_ChoiceWithBothParts_KeepsTypeValueAndExtension()
    {
        var observation = Assert.IsType<Observation>(ReadBothWays("""
            {"resourceType": "Observation", "status": "final", "code": {"text": "t"},
              "_valueString": {"id": "v"}, "valueString": "high",
              "component": [{"code": {"text": "c"}, "valueQuantity": {"value": 1.50, "unit": "mg"}}]}
            """, expectDirect: true));

        var value = Assert.IsType<FhirString>(observation.Value);
        Assert.Equal(("high", "v"), (value.Value, value.ElementId));
        Assert.Equal("1.50", Assert.IsType<Quantity>(observation.Component[0].Value).ValueElement!.LexicalValue);
    }

    [Fact]
    public void TryParseDirect_NestedContainedAndClasslessResources_ReadsThemAll()
    {
        var bundle = Assert.IsType<Bundle>(ReadBothWays("""
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Patient", "id": "p",
                "contained": [{"resourceType": "Organization", "id": "o",
                  "contained": [{"resourceType": "Basic", "id": "deep", "code": {"text": "b"}}]}]}},
              {"resource": {"resourceType": "Basic", "id": "b", "code": {"text": "x"},
                "contained": [{"resourceType": "Patient", "id": "inside", "gender": "other"}]}}]}
            """, expectDirect: true));

        var organization = Assert.IsType<Organization>(Assert.Single(Assert.IsType<Patient>(bundle.Entry[0].Resource).Contained));
        Assert.Equal("deep", Assert.IsType<DynamicResource>(Assert.Single(organization.Contained)).Id);
        Assert.Equal("b", Assert.IsType<DynamicResource>(bundle.Entry[1].Resource).Id);
    }

    [Fact]
    public void TryParseDirect_EscapedNameAndLateResourceType_ReadsThem()
    {
        var patient = Assert.IsType<Patient>(ReadBothWays("""
            {"id": "p", "resourceType": "Patient", "g\u0065nder": "male", "name": [{"text": "A \"B\" \u00e9"}]}
            """, expectDirect: true));

        Assert.Equal(AdministrativeGender.Male, patient.Gender);
        Assert.Equal("A \"B\" é", patient.Name[0].Text);
    }

    [Theory]
    [InlineData("""{"resourceType": "Patient", "name": [{"given": ["Ann", null]}]}""")]
    [InlineData("""{"resourceType": "Patient", "name": [{"given": []}]}""")]
    [InlineData("""{"resourceType": "Patient", "name": [{}]}""")]
    [InlineData("""{"resourceType": "Patient", "gender": null}""")]
    [InlineData("""{"resourceType": "Patient", "active": "true"}""")]
    [InlineData("""{"resourceType": "Patient", "birthDate": "1970-02-30"}""")]
    [InlineData("""{"resourceType": "Patient", "colour": "red"}""")]
    [InlineData("""{"resourceType": "Patient", "active": true, "active": false}""")]
    [InlineData("""{"resourceType": "Patient", "deceasedBoolean": true, "deceasedDateTime": "2020"}""")]
    [InlineData("""{"resourceType": "Observation", "status": "final", "code": {"text": "t"}, "valueString": "a", "_valueCode": {"id": "x"}}""")]
    [InlineData("""{"resourceType": "Patient", "contained": [{"resourceType": "Nonsense"}]}""")]
    [InlineData("""{"resourceType": "Patient", "contained": [{"resourceType": "Basic", "code": {"text": ""}}]}""")]
    [InlineData("""{"resourceType": "Patient", /* note */ "active": true}""")]
    [InlineData("""{"resourceType": "Patient", "active": true} {}""")]
    public void ParseTyped_InvalidInput_DirectReaderGivesUpAndTheErrorIsTheTreePaths(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var tree = Assert.Throws<FhirParseException>(() => new FhirJsonParser().Parse(bytes, "case.json"));

        var typed = Assert.Throws<FhirParseException>(() => FhirJsonParser.Parse<Resource>(bytes, "case.json"));

        Assert.Null(FhirJsonParser.TryParseDirect(bytes, "case.json"));
        Assert.Equal(tree.Issue, typed.Issue);
    }

    [Fact]
    public void ParseTyped_ResourceOfAnotherType_StillSaysWhatItFound()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"resourceType": "Bundle", "type": "collection"}""");

        var error = Assert.Throws<FhirParseException>(() => FhirJsonParser.Parse<Patient>(bytes, "case.json"));

        Assert.IsType<Bundle>(FhirJsonParser.TryParseDirect(bytes, "case.json"));
        Assert.Contains("expected a Patient, found a Bundle", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Parses through the direct reader (if <paramref name="expectDirect"/>) and through the tree; both must write the same JSON.</summary>
    private static Resource ReadBothWays(string json, bool expectDirect)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var viaTree = DirectJsonReaderTests.Write(NodeReader.Resource(FhirJsonParser.ParseNode(bytes)));

        var direct = FhirJsonParser.TryParseDirect(bytes, "case.json");
        var parsed = FhirJsonParser.Parse<Resource>(bytes, "case.json");

        Assert.Equal(expectDirect, direct is not null);
        Assert.Equal(Encoding.UTF8.GetString(viaTree), Encoding.UTF8.GetString(DirectJsonReaderTests.Write(parsed)));
        if (direct is not null)
        {
            Assert.Equal(Encoding.UTF8.GetString(viaTree), Encoding.UTF8.GetString(DirectJsonReaderTests.Write(direct)));
        }

        return direct ?? parsed;
    }
}
