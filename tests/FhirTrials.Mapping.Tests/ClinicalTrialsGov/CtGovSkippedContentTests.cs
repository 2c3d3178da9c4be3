using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>
/// Content the importer does not read is passed over without changing the record, malformed skipped content is
/// still an error, and a study with several problems names the same one whatever the order of its fields.
/// </summary>
public sealed class CtGovSkippedContentTests
{
    private const string Extra = "{\"x\": [1, -2.5e3, true, null, \"a\\\"b\", {\"y\": [[], {}]}], \"z\": {}}";

    private static List<string> Written(string json) =>
    [
        .. Import(json, chunked: false).Select(TrialRecordWriter.ToJson),
        .. Import(json, chunked: true).Select(TrialRecordWriter.ToJson),
        TrialRecordWriter.ToJson(CtGovImporter.ImportStudy(JsonDocument.Parse(json).RootElement, "element.json")),
    ];

    private static List<TrialRecord> Import(string json, bool chunked)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        using Stream stream = chunked ? new ChunkedStream(bytes, 97) : new MemoryStream(bytes);
        return [.. CtGovImporter.Import(stream, "study.json")];
    }

    private static CtGovImportException Error(string json, bool chunked) =>
        Assert.Throws<CtGovImportException>(() => Import(json, chunked));

    [Fact]
    public void Import_UnknownContentInsideReadObjectsAndArrays_GivesTheSameRecord()
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.CtGovFile("NCT04714372")))!;
        var plain = node.ToJsonString();
        node["protocolSection"]!["contactsLocationsModule"]!["locations"]![0]!["extra"] = JsonNode.Parse(Extra);
        node["protocolSection"]!["designModule"]!["designInfo"]!["extra"] = JsonNode.Parse(Extra);
        node["derivedSection"]!["conditionBrowseModule"]!["extra"] = JsonNode.Parse(Extra);
        node["extra"] = JsonNode.Parse(Extra);

        var expected = Written(plain);
        var actual = Written(node.ToJsonString());

        Assert.Single(expected.Distinct());
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("{\"a\": [1, 2,]}")]
    [InlineData("{\"a\": [01]}")]
    [InlineData("{\"a\": \"\\x\"}")]
    [InlineData("{\"a\": {\"b\" 1}}")]
    public void Import_MalformedSkippedSection_IsTheSameErrorWholeAndStreamed(string results)
    {
        var json = $"{{\"protocolSection\": {{\"identificationModule\": {{\"nctId\": \"NCT1\"}}}}, \"resultsSection\": {results}, \"hasResults\": true}}";

        var whole = Error(json, chunked: false);
        var streamed = Error(json, chunked: true);

        Assert.Equal(streamed.Message, whole.Message);
        Assert.StartsWith("line 1, byte ", whole.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_ProblemAfterSkippedContent_NamesTheField()
    {
        var json = "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"}}, \"resultsSection\": " + Extra
            + ", \"derivedSection\": {\"conditionBrowseModule\": {\"browseLeaves\": " + Extra + ", \"meshes\": [{\"id\": \"D1\"}, {\"term\": \"t\"}]}}}";

        var error = Error(json, chunked: false);

        Assert.Equal(("NCT1", "derivedSection.conditionBrowseModule.meshes[1].id", "required field is missing"), (error.NctId, error.Location, error.Reason));
    }

    [Theory]
    [InlineData( // MeSH codes are mapped before the identification fields, wherever they stand
        "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\", \"acronym\": 5}}, \"derivedSection\": {\"interventionBrowseModule\": {\"meshes\": [5]}}}",
        "derivedSection.interventionBrowseModule.meshes[0]")]
    [InlineData( // identification fields before status fields, though the status module comes first
        "{\"protocolSection\": {\"statusModule\": {\"overallStatus\": \"X\"}, \"identificationModule\": {\"acronym\": 5, \"nctId\": \"NCT1\"}}}",
        "protocolSection.identificationModule.acronym")]
    [InlineData( // a module that is not an object before any field problem
        "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\", \"acronym\": 5}, \"referencesModule\": []}}",
        "protocolSection.referencesModule")]
    [InlineData( // the masking object is checked before the other design fields, its fields after them
        "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"}, \"designModule\": {\"designInfo\": {\"maskingInfo\": {\"masking\": \"X\"}, \"allocation\": \"Y\"}}}}",
        "protocolSection.designModule.designInfo.allocation")]
    [InlineData(
        "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"}, \"designModule\": {\"designInfo\": {\"allocation\": \"Y\", \"maskingInfo\": 3}}}}",
        "protocolSection.designModule.designInfo.maskingInfo")]
    public void Import_SeveralProblems_ReportsTheFirstInMappingOrder(string json, string location)
    {
        Assert.Equal(location, Error(json, chunked: false).Location);
        Assert.Equal(location, Error(json, chunked: true).Location);
    }

    [Fact]
    public void Import_RepeatedProperty_TheLastCounts()
    {
        var json = "{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\", \"briefTitle\": 5, \"nctId\": \"NCT2\", \"briefTitle\": \"T\"}}}";

        var record = Assert.Single(Import(json, chunked: false));

        Assert.Equal(("NCT2", "T"), (record.RegistryId, record.BriefTitle));
    }
}
