using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>FHIR XML to FHIR JSON: arrays, primitive values and their companions, resources and narrative.</summary>
public sealed class FhirXmlConverterTests
{
    private const string Patient = """
        <Patient xmlns="http://hl7.org/fhir">
          <id value="p1"/>
          <text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi</p></div></text>
          <contained><Organization><id value="o1"/><name value="Org"/></Organization></contained>
          <active value="true"/>
          <name><given value="A"/><given id="g2"><extension url="http://example.org/x"><valueInteger value="3"/></extension></given></name>
          <multipleBirthInteger value="2"/>
        </Patient>
        """;

    [Fact]
    public void ToJson_Patient_MapsArraysPrimitivesResourcesAndNarrative()
    {
        using var json = JsonDocument.Parse(FhirXmlConverter.ToJson(Encoding.UTF8.GetBytes(Patient)));
        var root = json.RootElement;

        Assert.Equal("Patient", root.GetProperty("resourceType").GetString());
        Assert.True(root.GetProperty("active").GetBoolean());
        Assert.Equal(2, root.GetProperty("multipleBirthInteger").GetInt32());
        Assert.Equal("Organization", root.GetProperty("contained")[0].GetProperty("resourceType").GetString());
        Assert.StartsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p>", root.GetProperty("text").GetProperty("div").GetString(), StringComparison.Ordinal);
        var name = root.GetProperty("name")[0];
        Assert.Equal(JsonValueKind.Null, name.GetProperty("given")[1].ValueKind);
        Assert.Equal(JsonValueKind.Null, name.GetProperty("_given")[0].ValueKind);
        Assert.Equal("g2", name.GetProperty("_given")[1].GetProperty("id").GetString());
        Assert.Equal(3, name.GetProperty("_given")[1].GetProperty("extension")[0].GetProperty("valueInteger").GetInt32());
    }

    [Fact]
    public void ToJson_PatientThenParse_GivesAValidTree()
    {
        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(FhirXmlConverter.ToJson(Encoding.UTF8.GetBytes(Patient)));

        Assert.False(result.HasErrors, string.Join(" | ", result.Issues));
        Assert.Equal("p1", result.Root!.Child("id")!.Text);
    }

    [Fact]
    public void ToJson_UnknownElement_FailsWithLineAndColumn()
    {
        var xml = "<Patient xmlns=\"http://hl7.org/fhir\">\n  <colour value=\"red\"/>\n</Patient>";

        var ex = Assert.Throws<FhirParseException>(() => FhirXmlConverter.ToJson(Encoding.UTF8.GetBytes(xml), "p.xml"));

        Assert.Contains("unknown element <colour>", ex.Issue.Message, StringComparison.Ordinal);
        Assert.Equal(2, ex.Issue.Position!.Value.Line);
        Assert.Equal("p.xml", ex.Issue.SourceName);
    }

    [Fact]
    public void ToJson_NotFhirXml_Fails()
    {
        Assert.Throws<FhirParseException>(() => FhirXmlConverter.ToJson(Encoding.UTF8.GetBytes("<Patient/>")));
        Assert.Throws<FhirParseException>(() => FhirXmlConverter.ToJson(Encoding.UTF8.GetBytes("<Patient xmlns=\"http://hl7.org/fhir\">")));
    }
}
