using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary>How result items are written as JSON (the CLI output): FHIR type names for nodes, System.* for computed values.</summary>
public sealed class ItemJsonTests
{
    [Theory]
    [InlineData("true", """{"type":"System.Boolean","value":true}""")]
    [InlineData("42", """{"type":"System.Integer","value":42}""")]
    [InlineData("1.50", """{"type":"System.Decimal","value":1.50}""")]
    [InlineData("'x\"y'", """{"type":"System.String","value":"x\"y"}""")]
    [InlineData("@2015-02", """{"type":"System.Date","value":"2015-02"}""")]
    [InlineData("@2015-02-04T14:34:28Z", """{"type":"System.DateTime","value":"2015-02-04T14:34:28Z"}""")]
    [InlineData("@T14:34", """{"type":"System.Time","value":"14:34"}""")]
    [InlineData("3 weeks", """{"type":"System.Quantity","value":{"value":3,"unit":"weeks"}}""")]
    [InlineData("1.type()", """{"type":"System.TypeInfo","value":{"namespace":"System","name":"Integer"}}""")]
    public void ToJson_SystemValue_WritesTypeAndValue(string expression, string json) => Assert.Equal(json, Eval(expression).Single().ToJson());

    [Fact]
    public void ToJson_Nodes_WriteFhirTypesAndFhirJson()
    {
        var patient = Resource("""{"resourceType":"Patient","active":true,"multipleBirthInteger":2,"name":[{"family":"Doe"}],"birthDate":"1970"}""");
        Assert.Equal("""{"type":"boolean","value":true}""", Eval("active", patient).Single().ToJson());
        Assert.Equal("""{"type":"integer","value":2}""", Eval("multipleBirth", patient).Single().ToJson());
        Assert.Equal("""{"type":"date","value":"1970"}""", Eval("birthDate", patient).Single().ToJson());
        Assert.Equal("""{"type":"HumanName","value":{"family":"Doe"}}""", Eval("name", patient).Single().ToJson());
        Assert.StartsWith("""{"type":"Patient","value":{"resourceType":"Patient",""", Eval("Patient", patient).Single().ToJson(), StringComparison.Ordinal);
    }
}
