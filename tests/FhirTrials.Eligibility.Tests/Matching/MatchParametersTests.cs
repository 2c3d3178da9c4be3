using System.Text;
using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using static FhirTrials.Eligibility.Tests.Matching.Support.GroupBuilder;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>The FHIR form of a result: a Parameters resource (docs/matching.md).</summary>
public sealed class MatchParametersTests
{
    private static Parameters Parameters(GroupBuilder group, string patient) => Match(group.Build(), patient).ToParameters();

    private static Parameters.ParameterComponent Part(Parameters.ParameterComponent parent, string name) => Assert.Single(parent.Part, p => p.Name == name);

    [Fact]
    public void ToParameters_TopLevel_HasOutcomeDateGroupPatientMessagesAndOneCriterionPerCharacteristic()
    {
        var parameters = Parameters(new GroupBuilder().RecordAge(18, 65).Multiple("exclusion/1", "1920-8", "AST", ">", 2), "labs-female");

        Assert.Equal(["outcome", "evaluationDate", "group", "patient", "message", "criterion", "criterion"], parameters.Parameter.Select(p => p.Name));
        Assert.Equal("needs-review", ((Code)parameters.Parameter[0].Value!).Value);
        Assert.Equal("2025-06-15", ((Date)parameters.Parameter[1].Value!).Value);
        Assert.Equal("Group/test-eligibility", ((Reference)parameters.Parameter[2].Value!).ReferenceValue);
        Assert.Equal("Patient/labs-female", ((Reference)parameters.Parameter[3].Value!).ReferenceValue);
    }

    [Fact]
    public void ToParameters_Criterion_CarriesItemTextKindOutcomeReasonEvidenceAndNotes()
    {
        var parameters = Parameters(new GroupBuilder().Multiple("exclusion/1", "1920-8", "AST", ">", 2), "labs-female");

        var criterion = Assert.Single(parameters.Parameter, p => p.Name == "criterion");
        Assert.Equal(["itemId", "characteristic", "text", "description", "kind", "exclude", "outcome", "reason", "evidence", "note"], criterion.Part.Select(p => p.Name));
        Assert.Equal("exclusion/1", ((FhirString)Part(criterion, "itemId").Value!).Value);
        Assert.Equal(0, ((Integer)Part(criterion, "characteristic").Value!).Value);
        Assert.Equal("measurement", ((Code)Part(criterion, "kind").Value!).Value);
        Assert.Equal(true, ((FhirBoolean)Part(criterion, "exclude").Value!).Value);
        Assert.Equal("unknown", ((Code)Part(criterion, "outcome").Value!).Value);
        Assert.Equal("no-reference-range", ((Code)Part(criterion, "reason").Value!).Value);
        var evidence = Part(criterion, "evidence");
        Assert.Equal("Observation/ast", ((Reference)Part(evidence, "reference").Value!).ReferenceValue);
        Assert.Equal("urn:uuid:labs-female-observation-ast", ((FhirUri)Part(evidence, "fullUrl").Value!).Value);
        Assert.Contains("no referenceRange.high", ((FhirString)Part(criterion, "note").Value!).Value, StringComparison.Ordinal);
    }

    [Fact]
    public void ToParameters_Evidence_HasComparedQuantityConversionAndReferenceRange()
    {
        var parameters = Parameters(new GroupBuilder()
            .Threshold("exclusion/1", Loinc, "718-7", "Hemoglobin", "<", 100, "g/L", exclude: true)
            .Multiple("exclusion/1", "1742-6", "ALT", ">", 2), "labs-female");

        var criteria = parameters.Parameter.Where(p => p.Name == "criterion").ToList();
        var hemoglobin = Part(criteria[0], "evidence");
        var compared = (Fhir.Model.Quantity)Part(hemoglobin, "compared").Value!;
        Assert.Equal((128m, "g/L", "http://unitsofmeasure.org"), (compared.Value!.Value, compared.Code, compared.System));
        Assert.Equal("12.8 g/dL = 128 g/L (×10)", ((FhirString)Part(hemoglobin, "conversion").Value!).Value);
        Assert.Equal("Observation.valueQuantity", ((FhirString)Part(hemoglobin, "element").Value!).Value);
        var alt = Part(criteria[1], "evidence");
        var range = (Fhir.Model.Range)Part(alt, "referenceRange").Value!;
        Assert.Equal((null, 40m), (range.Low, range.High!.Value));
        Assert.Equal("uln-multiple", ((Fhir.Model.Quantity)Part(alt, "compared").Value!).Code);
    }

    [Fact]
    public void ToParameters_SerializesToFhirJsonThatParsesStrictly()
    {
        var parameters = Match(SeedGroup("NCT03765957"), "psoriasis-eligible").ToParameters();

        var json = FhirJsonSerializer.Serialize(parameters, indented: true);
        var parsed = FhirJsonParser.Parse<Parameters>(Encoding.UTF8.GetBytes(json), "parameters.json");

        Assert.Equal(json, FhirJsonSerializer.Serialize(parsed, indented: true));
        Assert.Equal(SeedGroup("NCT03765957").Characteristic.Count, parsed.Parameter.Count(p => p.Name == "criterion"));
    }
}
