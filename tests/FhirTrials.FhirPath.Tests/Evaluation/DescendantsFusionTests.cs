using FhirTrials.Testing;
using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary><c>descendants().x</c> and <c>descendants().ofType(T)</c> are compiled into one walk; the results must equal the step-by-step forms.</summary>
public sealed class DescendantsFusionTests
{
    private static readonly FhirTrials.Fhir.ElementModel.ElementNode Questionnaire = Resource(File.ReadAllText(TestPaths.Fixture("fhirpath-r4", "fhirpath.js-r4-json", "questionnaire-example.json")));

    [Theory]
    [InlineData("descendants().linkId", "descendants().select(linkId)")]
    [InlineData("descendants().code.system", "descendants().select(code).select(system)")]
    [InlineData("item.descendants().linkId", "item.descendants().select(linkId)")]
    [InlineData("descendants().as(uri)", "descendants().select(as(uri))")]
    [InlineData("descendants().ofType(Coding).code", "descendants().select(ofType(Coding)).code")]
    [InlineData("descendants().as(string).count()", "descendants().select(ofType(string)).count()")]
    public void FusedForm_GivesTheSameItemsInTheSameOrder(string fused, string stepwise)
    {
        var expected = Eval(stepwise, Questionnaire).Select(Describe).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Eval(fused, Questionnaire).Select(Describe).ToList());
    }

    private static string Describe(FhirPathItem item) => item.Node is { } node ? node.Location : item.ToString();
}
