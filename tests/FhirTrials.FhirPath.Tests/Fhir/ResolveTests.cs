using FhirTrials.Fhir.ElementModel;
using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Fhir;

/// <summary><c>resolve()</c>: contained resources, Bundle entries (fullUrl, relative, absolute), the external hook.</summary>
public sealed class ResolveTests
{
    private static readonly ElementNode Bundle = Resource("""
        {"resourceType":"Bundle","type":"collection","entry":[
          {"fullUrl":"http://example.org/fhir/Patient/1","resource":{"resourceType":"Patient","id":"1","generalPractitioner":[{"reference":"Practitioner/7"}],"link":[{"other":{"reference":"Patient/2"},"type":"seealso"}]}},
          {"fullUrl":"http://example.org/fhir/Patient/2","resource":{"resourceType":"Patient","id":"2","link":[{"other":{"reference":"http://example.org/fhir/Patient/1"},"type":"seealso"}]}},
          {"fullUrl":"http://other.org/fhir/Practitioner/7","resource":{"resourceType":"Practitioner","id":"7"}},
          {"fullUrl":"http://example.org/fhir/Practitioner/7","resource":{"resourceType":"Practitioner","id":"7","active":true}},
          {"fullUrl":"urn:uuid:0b4bc6b2-2ec7-4aee-8d2c-e1b4c1d8e7a3","resource":{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"subject":{"reference":"urn:uuid:5fa3d2c4-1111-4a5b-9c2d-0e9e6f3a7b21"}}},
          {"fullUrl":"urn:uuid:5fa3d2c4-1111-4a5b-9c2d-0e9e6f3a7b21","resource":{"resourceType":"Patient","id":"u"}}
        ]}
        """);

    [Fact]
    public void Resolve_ContainedReference_FindsTheContainedResource()
    {
        var patient = Resource("""
            {"resourceType":"Patient","contained":[{"resourceType":"Practitioner","id":"gp","active":true}],"generalPractitioner":[{"reference":"#gp"}]}
            """);
        Assert.Equal("Practitioner", Text("generalPractitioner.resolve().type().name", patient));
        Assert.Equal("true", Text("generalPractitioner.resolve().active", patient));
        Assert.Equal(true, Bool("generalPractitioner.where(resolve() is Practitioner).exists()", patient));
    }

    [Fact]
    public void Resolve_HashAlone_FromAContainedResource_IsTheContainer()
    {
        var patient = Resource("""
            {"resourceType":"Patient","id":"p","contained":[{"resourceType":"Observation","id":"o","status":"final","code":{"text":"x"},"subject":{"reference":"#"}}]}
            """);
        Assert.Equal("p", Text("contained.subject.resolve().id", patient));
    }

    [Fact]
    public void Resolve_RelativeReferenceInBundle_PrefersTheSameServerBase()
    {
        Assert.Equal("true", Text("entry[0].resource.generalPractitioner.resolve().active", Bundle));
        Assert.Equal("2", Text("entry[0].resource.link.other.resolve().id", Bundle));
    }

    [Fact]
    public void Resolve_AbsoluteAndUrnReferences_MatchFullUrl()
    {
        Assert.Equal("1", Text("entry[1].resource.link.other.resolve().id", Bundle));
        Assert.Equal("u", Text("entry[4].resource.subject.resolve().id", Bundle));
    }

    [Fact]
    public void Repeat_OverReferenceCycles_Terminates()
    {
        Assert.Equal("2 | 1", Text("entry[0].resource.repeat(link.other.resolve()).id", Bundle));
    }

    [Fact]
    public void Resolve_Unknown_IsEmpty_UnlessTheHookKnowsIt()
    {
        var observation = Resource("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/42"}}""");
        Assert.Empty(Eval("subject.resolve()", observation));
        var external = Resource("""{"resourceType":"Patient","id":"42"}""");
        var context = new EvaluationContext { ReferenceResolver = new MapResolver(new Dictionary<string, ElementNode> { ["Patient/42"] = external }) };
        Assert.Equal("42", Text("subject.resolve().id", observation, context));
    }

    [Fact]
    public void Resolve_Canonical_UsesTheDefinitions()
    {
        var questionnaire = Resource("""{"resourceType":"Questionnaire","status":"draft","derivedFrom":["http://hl7.org/fhir/StructureDefinition/Patient"]}""");
        Assert.Equal("Patient", Text("derivedFrom.resolve().type", questionnaire));
    }

    private sealed class MapResolver(Dictionary<string, ElementNode> map) : IFhirPathReferenceResolver
    {
        public ElementNode? Resolve(string reference, ElementNode? referringResource) => map.GetValueOrDefault(reference);
    }
}
