using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.FhirPath;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Tests.Search;

/// <summary>The parameters the server indexes: all R4 core SearchParameters but composite and special ones, plus the back-ported ones.</summary>
public sealed class SearchParameterRegistryTests
{
    [Fact]
    public void Registry_LoadsEveryCoreParameter_LeavesOutOnlyCompositeSpecialAndExpressionless()
    {
        var registry = SearchParameterRegistry.Default;

        var reasons = registry.Unsupported.Select(u => u.Reason).ToList();

        Assert.True(registry.All.Count > 1200, $"{registry.All.Count} parameters");
        Assert.All(reasons, r => Assert.True(r is "composite parameters are not supported" or "special parameters are not supported" or "no FHIRPath expression", r));
        // 1,400 SearchParameters in the R4 package, 3 of them examples; 5 back-ported.
        Assert.Equal(1397 + 5, registry.All.Count + registry.Unsupported.Count);
        Assert.DoesNotContain(registry.All, p => p.Url.Contains("/SearchParameter/example", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ResearchStudy", "condition", SearchParamType.Token)]
    [InlineData("ResearchStudy", "phase", SearchParamType.Token)]
    [InlineData("ResearchStudy", "recruitment", SearchParamType.Token)]
    [InlineData("ResearchStudy", "classifier", SearchParamType.Token)]
    [InlineData("ResearchStudy", "enrollment", SearchParamType.Reference)]
    [InlineData("ResearchStudy", "sponsor", SearchParamType.Reference)]
    [InlineData("ResearchStudy", "_id", SearchParamType.Token)]
    [InlineData("ResearchStudy", "_lastUpdated", SearchParamType.Date)]
    [InlineData("ResearchStudy", "_tag", SearchParamType.Token)]
    [InlineData("Group", "characteristic", SearchParamType.Token)]
    [InlineData("PlanDefinition", "definition", SearchParamType.Reference)]
    [InlineData("ActivityDefinition", "url", SearchParamType.Uri)]
    [InlineData("Location", "address-city", SearchParamType.String)]
    [InlineData("Organization", "name", SearchParamType.String)]
    [InlineData("Binary", "_id", SearchParamType.Token)]
    public void Registry_FindsParameterOfType(string type, string code, SearchParamType expected) =>
        Assert.Equal(expected, SearchParameterRegistry.Default.Find(type, code)?.Type);

    [Fact]
    public void Backported_AreStrictlyValidAndTypeCheckAgainstResearchStudy()
    {
        var definitions = SearchParameterRegistry.BackportedDefinitions().ToList();

        Assert.Equal(5, definitions.Count);
        foreach (var node in definitions)
        {
            var parameter = FhirJsonParser.Parse<SearchParameter>(FhirJsonSerializer.SerializeToUtf8Bytes(node));
            Assert.StartsWith("https://fhirtrials.org/fhir/SearchParameter/ResearchStudy-", parameter.Url, StringComparison.Ordinal);
            Assert.Equal(PublicationStatus.Active, parameter.Status);
            Assert.Empty(FhirPathCompiler.Default.Check(parameter.Expression!, "ResearchStudy"));
            Assert.True(SearchParameterRegistry.Default.Find("ResearchStudy", parameter.Code!)!.IsBackported);
        }
    }
}
