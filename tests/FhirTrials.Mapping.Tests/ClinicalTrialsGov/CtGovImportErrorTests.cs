using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>Bad input stops the import with one line naming file, record and field.</summary>
public sealed class CtGovImportErrorTests
{
    private static string Compact(string nctId) => JsonNode.Parse(File.ReadAllText(RepositoryPaths.CtGovFile(nctId)))!.ToJsonString();

    private static CtGovImportException ImportError(string text) =>
        Assert.Throws<CtGovImportException>(() => CtGovImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "data/page.json").ToList());

    private static string WithChange(string nctId, Action<JsonNode> change)
    {
        var node = JsonNode.Parse(File.ReadAllText(RepositoryPaths.CtGovFile(nctId)))!;
        change(node);
        return node.ToJsonString();
    }

    [Fact]
    public void Import_UnknownEnumerationValue_NamesFileRecordNctIdAndField()
    {
        var bad = WithChange("NCT04714372", n => n["protocolSection"]!["designModule"]!["phases"]![0] = "PHASE5");

        var error = ImportError($"{{\"studies\":[{Compact("NCT00122499")},{bad}]}}");

        Assert.Equal(("data/page.json", 2, "NCT04714372"), (error.SourceName, error.RecordIndex, error.NctId));
        Assert.Equal("protocolSection.designModule.phases[0]", error.Location);
        Assert.Equal(
            "data/page.json: record 2 (NCT04714372): protocolSection.designModule.phases[0]: unknown value 'PHASE5'; expected one of: NA, EARLY_PHASE1, PHASE1, PHASE2, PHASE3, PHASE4",
            error.Message);
    }

    [Theory]
    [InlineData("protocolSection.designModule.enrollmentInfo.count", "\"fifty\"", "expected an integer, found the string \"fifty\"")]
    [InlineData("protocolSection.eligibilityModule.healthyVolunteers", "\"no\"", "expected true or false, found the string \"no\"")]
    [InlineData("protocolSection.conditionsModule.conditions", "\"AML\"", "expected an array, found the string \"AML\"")]
    [InlineData("protocolSection.contactsLocationsModule.locations[0].geoPoint.lat", "\"north\"", "expected a number within the range of a double, found the string \"north\"")]
    [InlineData("protocolSection.contactsLocationsModule.locations[0].geoPoint.lon", "1e400", "expected a number within the range of a double, found the number 1e400")]
    [InlineData("protocolSection.statusModule.overallStatus", "\"Recruiting\"", "unknown value 'Recruiting'")]
    public void Import_WrongType_NamesTheField(string field, string json, string reason)
    {
        var bad = WithChange("NCT04714372", n =>
        {
            var parts = field.Split('.');
            var parent = parts[..^1].Aggregate(n, (node, part) => part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]![0]! : node[part]!);
            parent[parts[^1]] = JsonNode.Parse(json);
        });

        var error = ImportError(bad);

        Assert.Equal((1, "NCT04714372", field), (error.RecordIndex, error.NctId, error.Location));
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_MissingNctId_IsAnErrorWithoutId()
    {
        var bad = WithChange("NCT04714372", n => n["protocolSection"]!["identificationModule"]!.AsObject().Remove("nctId"));

        var error = ImportError($"[{Compact("NCT00122499")},{bad}]");

        Assert.Equal((2, null, "protocolSection.identificationModule.nctId"), (error.RecordIndex, error.NctId, error.Location));
        Assert.Equal("required field is missing", error.Reason);
    }

    [Fact]
    public void Import_MissingProtocolSection_IsAnError()
    {
        var error = ImportError("{\"hasResults\": false}");

        Assert.Equal(("protocolSection", "required section is missing"), (error.Location, error.Reason));
    }

    [Fact]
    public void Import_MalformedJsonInTheSecondStudy_NamesRecordAndLine()
    {
        var text = Compact("NCT00122499") + "\n" + Compact("NCT04714372")[..200] + "\n";

        var error = ImportError(text);

        Assert.Equal(2, error.RecordIndex);
        Assert.StartsWith("line 2, byte ", error.Location, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("{\"studies\":[STUDY")]
    [InlineData("[STUDY,")]
    [InlineData("{\"studies\":[STUDY]")]
    [InlineData("{\"totalCount\":3,\"studies\":[STUDY,{\"protocolSection\":")]
    public void Import_TruncatedInput_FailsAfterTheCompleteStudies(string template)
    {
        var text = template.Replace("STUDY", Compact("NCT00122499"), StringComparison.Ordinal);
        var seen = new List<string>();

        var error = Assert.Throws<CtGovImportException>(() =>
        {
            foreach (var record in CtGovImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "cut.json"))
            {
                seen.Add(record.RegistryId);
            }
        });

        Assert.Equal(["NCT00122499"], seen);
        Assert.Equal(2, error.RecordIndex);
        Assert.StartsWith("line 1, byte ", error.Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("42", "expected a study object")]
    [InlineData("[1, 2]", "expected a study object in the array")]
    [InlineData("{\"studies\": {}}", "\"studies\" must be an array")]
    public void Import_NotStudies_IsAnError(string text, string reason)
    {
        var error = ImportError(text);

        Assert.Equal(1, error.RecordIndex);
        Assert.StartsWith(reason, error.Reason, StringComparison.Ordinal);
        Assert.Equal("line 1, byte ", error.Location[..13]);
    }

    [Fact]
    public void Import_ErrorAfterGoodRecords_YieldsTheGoodOnesFirst()
    {
        var bad = WithChange("NCT04714372", n => n["hasResults"] = "maybe");
        var text = $"{Compact("NCT00122499")}\n{bad}\n";
        var seen = new List<string>();

        var error = Assert.Throws<CtGovImportException>(() =>
        {
            foreach (var record in CtGovImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "x.ndjson"))
            {
                seen.Add(record.RegistryId);
            }
        });

        Assert.Equal(["NCT00122499"], seen);
        Assert.Equal(("hasResults", 2), (error.Location, error.RecordIndex));
    }
}
