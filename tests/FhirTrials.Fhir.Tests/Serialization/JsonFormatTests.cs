using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Testing;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>The rules of the R4 JSON format page, one by one, through the element tree and the typed classes.</summary>
public sealed class JsonFormatTests
{
    [Theory]
    [InlineData("1.50")]
    [InlineData("1e3")]
    [InlineData("-0.000")]
    [InlineData("1.0E-7")]
    [InlineData("123456789012345678901234567890.0001")]
    public void RoundTrip_Decimal_KeepsTextualPrecision(string number)
    {
        var json = """{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":NUMBER,"unit":"mg"}}""".Replace("NUMBER", number, StringComparison.Ordinal);

        var node = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));
        var typed = FhirJsonParser.Parse<Observation>(json);

        Assert.Equal(json, FhirJsonSerializer.Serialize(node));
        Assert.Equal(json, FhirJsonSerializer.Serialize(typed));
        Assert.Equal(number, ((Quantity)typed.Value!).ValueElement!.LexicalValue);
    }

    [Fact]
    public void RoundTrip_PrimitiveArrayWithExtensions_KeepsNullPlaceholders()
    {
        const string json = """{"resourceType":"Patient","name":[{"given":["Alice",null,"Carol"],"_given":[null,{"id":"g2","extension":[{"url":"http://example.org/x","valueString":"only an extension"}]},{"extension":[{"url":"http://example.org/y","valueBoolean":true}]}]}]}""";

        var node = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));
        var typed = FhirJsonParser.Parse<Patient>(json);

        Assert.Null(JsonSemantics.Diff(Encoding.UTF8.GetBytes(json), FhirJsonSerializer.SerializeToUtf8Bytes(node)));
        Assert.Null(JsonSemantics.Diff(Encoding.UTF8.GetBytes(json), FhirJsonSerializer.SerializeToUtf8Bytes(typed)));
        var given = typed.Name[0].GivenElement;
        Assert.Equal(["Alice", null, "Carol"], given.Select(g => g.Value));
        Assert.Equal("g2", given[1].ElementId);
        Assert.Equal("Patient.name[0].given[1]", node.Child("name")!.ChildrenNamed("given").ElementAt(1).Location);
    }

    [Fact]
    public void RoundTrip_SinglePrimitiveExtension_UsesUnderscoreObject()
    {
        const string json = """{"resourceType":"Patient","birthDate":"1970-03","_birthDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/patient-birthTime","valueDateTime":"1970-03-30T14:30:00+01:00"}]}}""";

        var typed = FhirJsonParser.Parse<Patient>(json);

        Assert.Equal("1970-03", typed.BirthDate);
        Assert.Equal("1970-03-30T14:30:00+01:00", ((FhirDateTime)typed.BirthDateElement!.Extension[0].Value!).Value);
        Assert.Equal(json, FhirJsonSerializer.Serialize(typed));
    }

    [Fact]
    public void Parse_ChoiceElement_NamesItByTypeAndKnowsTheType()
    {
        const string json = """{"resourceType":"Observation","status":"final","code":{"text":"BMI"},"valueQuantity":{"value":22.5,"unit":"kg/m2","system":"http://unitsofmeasure.org","code":"kg/m2"}}""";

        var node = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));
        var value = node.Child("value")!;

        Assert.Equal("Quantity", value.Type!.Name);
        Assert.Equal("Observation.valueQuantity", value.Location);
        Assert.Equal("Observation.valueQuantity.value", value.Child("value")!.Location);
        Assert.Equal("22.5", value.Child("value")!.Text);
    }

    [Fact]
    public void RoundTrip_ContainedAndBundledResources_KeepTheirTypes()
    {
        const string json = """{"resourceType":"Bundle","type":"collection","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","id":"p","contained":[{"resourceType":"Organization","id":"o","name":"Acme"}],"managingOrganization":{"reference":"#o"}}},{"resource":{"resourceType":"Basic","id":"b","code":{"text":"no class for Basic"}}}]}""";

        var node = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json));
        var bundle = FhirJsonParser.Parse<Bundle>(json);

        var contained = node.Child("entry")!.Child("resource")!.Child("contained")!;
        Assert.Equal("Organization", contained.Type!.Name);
        Assert.Equal("Bundle.entry[0].resource.contained[0]", contained.Location);
        Assert.IsType<Organization>(((Patient)bundle.Entry[0].Resource!).Contained[0]);
        Assert.IsType<DynamicResource>(bundle.Entry[1].Resource);
        Assert.Equal(json, FhirJsonSerializer.Serialize(bundle));
        Assert.Equal(json, FhirJsonSerializer.Serialize(node));
    }

    [Fact]
    public void RoundTrip_Narrative_KeepsXhtmlVerbatim()
    {
        const string div = "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><p>Fever &amp; <b>chills</b>\\n &lt;3 days</p></div>";
        var json = """{"resourceType":"Patient","text":{"status":"generated","div":"DIV"}}""".Replace("DIV", div, StringComparison.Ordinal);

        var typed = FhirJsonParser.Parse<Patient>(json);

        Assert.Equal(json, FhirJsonSerializer.Serialize(typed));
        Assert.StartsWith("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Fever &amp;", typed.Text!.Div, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_EmptyValues_AreNeverWritten()
    {
        var patient = new Patient { Id = "p1", Active = true };
        patient.Name.Add(new HumanName());
        patient.Name.Add(new HumanName { Family = "Doe" });
        patient.Identifier.Add(new Identifier { System = string.Empty });
        patient.Telecom.Add(new ContactPoint());
        patient.MaritalStatus = new CodeableConcept();

        Assert.Equal("""{"resourceType":"Patient","id":"p1","active":true,"name":[{"family":"Doe"}]}""", FhirJsonSerializer.Serialize(patient));
    }

    [Fact]
    public void Parse_PropertyOrder_ResourceTypeNeedNotComeFirst()
    {
        var node = FhirJsonParser.ParseNode("""{"id":"x","gender":"male","resourceType":"Patient"}"""u8.ToArray());

        Assert.Equal("Patient", node.Type!.Name);
        Assert.Equal("""{"resourceType":"Patient","id":"x","gender":"male"}""", FhirJsonSerializer.Serialize(node));
    }

    [Fact]
    public void Parse_Utf8ByteOrderMark_IsSkippedAndColumnsCountCharacters()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. """{"resourceType":"Patient","name":[{"family":"Müller"}],"birthDate":"x"}"""u8];

        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(bytes, "bom.json");

        Assert.Equal("Müller", result.Root!.Child("name")!.Child("family")!.Text);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(56, issue.Position!.Value.Column);
    }

    [Fact]
    public void RequiredBindingEnum_UnknownCode_RoundTripsAndReadsAsNull()
    {
        var patient = FhirJsonParser.Parse<Patient>("""{"resourceType":"Patient","gender":"martian"}""");

        Assert.Null(patient.Gender);
        Assert.Equal("martian", patient.GenderElement!.LexicalValue);
        patient.Gender = AdministrativeGender.Female;
        Assert.Equal("""{"resourceType":"Patient","gender":"female"}""", FhirJsonSerializer.Serialize(patient));
    }
}
