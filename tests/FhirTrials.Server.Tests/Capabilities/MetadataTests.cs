using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Search;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Capabilities;

/// <summary>The CapabilityStatement states what the server really does.</summary>
public sealed class MetadataTests : IClassFixture<SqliteServerFixture>
{
    private readonly SqliteServerFixture _server;

    public MetadataTests(SqliteServerFixture server) => _server = server;

    [Fact]
    public async Task Metadata_IsAValidCapabilityStatementOfEveryResourceType()
    {
        using var response = await _server.Anonymous.GetAsync("metadata");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var statement = FhirJsonParser.Parse<CapabilityStatement>(bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FHIRVersion.N401, statement.FhirVersion);
        Assert.Equal(CapabilityStatementKind.Instance, statement.Kind);
        var rest = Assert.Single(statement.Rest);
        var concrete = ModelInfo.ResourceTypes.Where(t => !ModelInfo.GetType(t)!.IsAbstract).Order(StringComparer.Ordinal);
        Assert.Equal(concrete, rest.Resource.Select(r => r.TypeElement!.LexicalValue!));
        Assert.Equal(
            [SystemRestfulInteraction.Transaction, SystemRestfulInteraction.Batch, SystemRestfulInteraction.SearchSystem, SystemRestfulInteraction.HistorySystem],
            rest.Interaction.Select(i => i.Code!.Value));
        Assert.Contains(rest.Operation, o => o.Name == "export");
        Assert.Contains("Writes need Authorization: Bearer", rest.Security!.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_ResearchStudy_ListsInteractionsSearchParametersIncludesAndMatch()
    {
        var statement = JsonNode.Parse(await _server.Anonymous.GetStringAsync("metadata"))!;
        var study = statement["rest"]![0]!["resource"]!.AsArray().Single(r => r!["type"]!.GetValue<string>() == "ResearchStudy")!;

        var parameters = study["searchParam"]!.AsArray().ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["definition"]!.GetValue<string>());
        Assert.Equal("https://fhirtrials.org/fhir/SearchParameter/ResearchStudy-condition", parameters["condition"]);
        Assert.Equal("https://fhirtrials.org/fhir/SearchParameter/ResearchStudy-phase", parameters["phase"]);
        Assert.Equal("https://fhirtrials.org/fhir/SearchParameter/ResearchStudy-recruitment", parameters["recruitment"]);
        Assert.Equal("http://hl7.org/fhir/SearchParameter/ResearchStudy-sponsor", parameters["sponsor"]);
        Assert.Equal("http://hl7.org/fhir/SearchParameter/Resource-id", parameters["_id"]);
        Assert.Equal(
            ["create", "delete", "history-instance", "history-type", "read", "search-type", "update", "vread"],
            study["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).Order());
        var includes = study["searchInclude"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Contains("ResearchStudy:enrollment", includes);
        Assert.Contains("ResearchStudy:protocol", includes);
        Assert.Contains("ResearchStudy:sponsor", includes);
        Assert.Contains("ResearchStudy:site", includes);
        Assert.Contains(study["operation"]!.AsArray(), o => o!["name"]!.GetValue<string>() == "match");
        Assert.True(study["conditionalUpdate"]!.GetValue<bool>());
        Assert.Equal("versioned-update", study["versioning"]!.GetValue<string>());
    }

    [Fact]
    public async Task Metadata_SearchParameters_AreExactlyTheRegistry()
    {
        var statement = JsonNode.Parse(await _server.Anonymous.GetStringAsync("metadata"))!;
        var registry = SearchParameterRegistry.Default;

        foreach (var resource in statement["rest"]![0]!["resource"]!.AsArray())
        {
            var type = resource!["type"]!.GetValue<string>();
            var listed = resource["searchParam"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal);
            Assert.Equal(registry.ForType(type).Keys.Order(StringComparer.Ordinal), listed);
        }
    }
}
