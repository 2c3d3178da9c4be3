using FhirTrials.Fhir.ElementModel;
using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Fhir;

/// <summary>The FHIR-specific functions: extension, hasValue, getValue, memberOf, htmlChecks, conformsTo, and the environment variables.</summary>
public sealed class FhirFunctionTests
{
    private static readonly ElementNode Patient = Resource("""
        {"resourceType":"Patient","id":"p",
         "extension":[{"url":"http://example.org/a","valueString":"x"},{"url":"http://example.org/b","valueBoolean":true}],
         "gender":"female",
         "_birthDate":{"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/data-absent-reason","valueCode":"unknown"}]},
         "maritalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-MaritalStatus","code":"M"}]},
         "contained":[{"resourceType":"Practitioner","id":"gp"}],
         "generalPractitioner":[{"reference":"#gp"}]}
        """);

    [Fact]
    public void Extension_ByUrl_FindsItsValue()
    {
        Assert.Equal("x", Text("extension('http://example.org/a').value", Patient));
        Assert.Equal(true, Bool("hasExtension('http://example.org/b')", Patient));
        Assert.Equal("unknown", Text("birthDate.extension(%`ext-data-absent-reason`).value", Patient));
    }

    [Fact]
    public void HasValue_OnPrimitiveWithOnlyExtensions_IsFalse()
    {
        Assert.Equal(false, Bool("birthDate.hasValue()", Patient));
        Assert.Equal(true, Bool("gender.hasValue()", Patient));
        Assert.Equal(false, Bool("maritalStatus.hasValue()", Patient));
        Assert.Empty(Eval("birthDate.getValue()", Patient));
        Assert.Equal(FhirPathItemKind.String, Eval("gender.getValue()", Patient).Single().Kind);
    }

    [Theory]
    [InlineData("gender.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')", true)]
    [InlineData("'unknown-gender'.memberOf('http://hl7.org/fhir/ValueSet/administrative-gender')", false)]
    [InlineData("maritalStatus.memberOf('http://hl7.org/fhir/ValueSet/marital-status')", true)]
    [InlineData("maritalStatus.coding.memberOf(%`vs-marital-status`)", true)]
    [InlineData("gender.memberOf('http://example.org/unknown-valueset')", null)]
    public void MemberOf_UsesLocalExpansions(string expression, bool? expected) => Assert.Equal(expected, Bool(expression, Patient));

    [Theory]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hello <b>world</b></p></div>", true)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a&nbsp;b</p></div>", true)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p onclick=\"x()\">a</p></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><a href=\"javascript:x()\">a</a></div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><form>a</form></div>", false)]
    [InlineData("<div><p>no namespace</p></div>", false)]
    [InlineData("<p xmlns=\"http://www.w3.org/1999/xhtml\">not a div</p>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\">   </div>", false)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><img src=\"#pic\"/></div>", true)]
    [InlineData("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>unclosed</div>", false)]
    public void HtmlChecks_AppliesTheR4NarrativeRules(string xhtml, bool expected)
    {
        var json = "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"},\"text\":{\"status\":\"generated\",\"div\":" + System.Text.Json.JsonSerializer.Serialize(xhtml) + "}}";
        Assert.Equal(expected, Bool("text.`div`.htmlChecks()", Resource(json)));
    }

    [Fact]
    public void ConformsTo_WithoutHook_ChecksBaseTypes_AndAsksForAValidatorOtherwise()
    {
        Assert.Equal(true, Bool("conformsTo('http://hl7.org/fhir/StructureDefinition/DomainResource')", Patient));
        Assert.Equal(false, Bool("conformsTo('http://hl7.org/fhir/StructureDefinition/Observation')", Patient));
        var ex = Assert.Throws<FhirPathEvaluationException>(() => Eval("conformsTo('http://hl7.org/fhir/StructureDefinition/bmi')", Patient));
        Assert.Contains("needs a validator", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConformsTo_WithHook_AsksTheHook()
    {
        var context = new EvaluationContext { Conformance = new AllConform() };
        Assert.Equal(true, Bool("conformsTo('http://example.org/profile')", Patient, context));
        Assert.Equal("gp | p", Text("contained.slice('http://example.org/profile', 'gp').id | id", Patient, context));
    }

    [Fact]
    public void EnvironmentVariables_DefaultFromTheFocus()
    {
        var practitioner = Patient.Child("contained")!;
        Assert.Equal("gp", Text("%resource.id", practitioner));
        Assert.Equal("p", Text("%rootResource.id", practitioner));
        Assert.Equal("gp", Text("%context.id", practitioner));
        Assert.Equal("http://loinc.org|http://snomed.info/sct", Text("%loinc & '|' & %sct"));
        Assert.Equal("http://hl7.org/fhir/ValueSet/x", Text("%'vs-x'"));
    }

    [Fact]
    public void UserVariables_ComeFromTheContext_AndUnknownOnesFail()
    {
        var context = new EvaluationContext().SetVariable("limit", FhirPathItem.FromInteger(3)).SetVariable("who", "Jane");
        Assert.Equal(true, Bool("%limit > 2 and %who = 'Jane'", context: context));
        var ex = Assert.Throws<FhirPathEvaluationException>(() => Eval("%missing", context));
        Assert.Equal(1, ex.Column);
    }

    [Fact]
    public void Trace_SendsNamedCollectionsToTheSink()
    {
        var traced = new List<(string Name, int Count)>();
        var context = new EvaluationContext { Trace = (name, items) => traced.Add((name, items.Count)) };
        Assert.Equal("2", Text("extension.trace('ext').count()", Patient, context));
        Assert.Equal("2", Text("extension.trace('urls', url).count()", Patient, context));
        Assert.Equal([("ext", 2), ("urls", 2)], traced);
    }

    [Theory]
    [InlineData("gender.type().name", "code")]
    [InlineData("gender.type().namespace", "FHIR")]
    [InlineData("contained.type().name", "Practitioner")]
    [InlineData("maritalStatus.coding.type().name", "Coding")]
    [InlineData("'a'.type().name", "String")]
    [InlineData("gender.is(string)", "true")]
    [InlineData("gender.is(code)", "true")]
    [InlineData("gender.ofType(string).count()", "0")]
    [InlineData("contained.is(DomainResource)", "true")]
    [InlineData("(extension.value as boolean).count()", "1")]
    public void Types_FollowTheFhirHierarchy(string expression, string expected) => Assert.Equal(expected, Text(expression, Patient));

    private sealed class AllConform : IFhirPathConformance
    {
        public bool? ConformsTo(ElementNode node, string profileUrl) => true;

        public bool? IsInSlice(ElementNode node, string profileUrl, string sliceName) => node.Child("id")?.Text == sliceName;
    }
}
