using System.Text;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.Tests.Records;

public sealed class TrialRecordReaderTests
{
    private const string Head = "{\n  \"recordVersion\": \"1.0\",\n  \"registryId\": \"NCT00000001\",\n";

    [Fact]
    public void Parse_MinimalRecord_ReadsRequiredFields()
    {
        var record = TrialRecordReader.Parse("{\"recordVersion\":\"1.0\",\"registryId\":\"NCT00000001\"}", "min.json");

        Assert.Equal("1.0", record.RecordVersion);
        Assert.Equal("NCT00000001", record.RegistryId);
        Assert.Null(record.Status);
    }

    [Fact]
    public void Parse_EnumerationsAndNestedValues_ReadAsCtGovValues()
    {
        var record = TrialRecordReader.Parse(
            Head + "  \"phases\": [\"PHASE1\", \"PHASE2\"],\n  \"status\": {\"overallStatus\": \"UNKNOWN\"},\n"
            + "  \"eligibility\": {\"minimumAge\": {\"text\": \"18 Years\", \"value\": 18, \"unit\": \"a\"}}\n}",
            "r.json");

        Assert.Equal([Phase.Phase1, Phase.Phase2], record.Phases);
        Assert.Equal(OverallStatus.Unknown, record.Status!.OverallStatus);
        Assert.Equal(18m, record.Eligibility!.MinimumAge!.Value);
        Assert.Equal("a", record.Eligibility.MinimumAge.Unit);
    }

    [Theory]
    [InlineData("  \"bogus\": 1\n}", "$.bogus", 5, 3, "unknown property 'bogus'")]
    [InlineData("  \"phases\": [\"PHASE5\"]\n}", "$.phases[0]", 5, 14, "invalid Phase value; expected one of: NA, EARLY_PHASE1")]
    [InlineData("  \"enrollment\": {\"count\": \"12\"}\n}", "$.enrollment.count", 5, 27, "expected an integer")]
    [InlineData("  \"briefTitle\": 3\n}", "$.briefTitle", 5, 17, "expected a string")]
    [InlineData("  \"hasResults\": \"yes\"\n}", "$.hasResults", 5, 17, "expected true or false")]
    [InlineData("  \"arms\": {}\n}", "$.arms", 5, 11, "expected an array")]
    [InlineData("  \"arms\": [{\"type\": \"EXPERIMENTAL\"}]\n}", "$.arms[0]", 5, 36, "missing required property 'label'")]
    [InlineData("  \"briefTitle\": null\n}", "$.briefTitle", 5, 17, "null is not allowed")]
    [InlineData("  \"keywords\": [\"a\", null]\n}", "$.keywords[1]", 5, 21, "null is not allowed")]
    [InlineData("  \"briefTitle\": \"a\" \"b\"\n}", "$.briefTitle", 5, 21, "is invalid after a value")]
    [InlineData("  \"registryId\": \"NCT2\"\n}", "$.registryId", 5, 3, "duplicate property 'registryId'")]
    public void Parse_BadInput_ReportsFilePathLineAndColumn(string tail, string path, int line, int column, string reason)
    {
        var json = Head.Replace("\"NCT00000001\",\n", "\"NCT00000001\",\n  \"acronym\": \"A\",\n", StringComparison.Ordinal) + tail;

        var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse(json, "records/bad.json"));

        Assert.Equal("records/bad.json", error.SourceName);
        Assert.Equal(path, error.JsonPath);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"records/bad.json: line {line}, column {column}: {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRegistryId_NamesTheProperty()
    {
        var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse("{\"recordVersion\": \"1.0\"}", "x.json"));

        Assert.Equal("$", error.JsonPath);
        Assert.Equal("missing required property 'registryId'", error.Reason);
    }

    [Theory]
    [InlineData("{\"registryId\": \"NCT1\"}", "missing required property 'recordVersion'")]
    [InlineData("{\"recordVersion\": \"2.0\", \"registryId\": \"NCT1\", \"newField\": 1}", "unsupported recordVersion '2.0'")]
    [InlineData("{\"recordVersion\": \"1.1\", \"registryId\": \"NCT1\"}", "unsupported recordVersion '1.1'")]
    [InlineData("{\"recordVersion\": \"one\", \"registryId\": \"NCT1\"}", "is not of the form major.minor")]
    [InlineData("{\"recordVersion\": 1, \"registryId\": \"NCT1\"}", "recordVersion must be a string")]
    public void Parse_UnsupportedOrMissingVersion_IsAnError(string json, string reason)
    {
        var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse(json, "v.json"));

        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "a trial record must be a JSON object")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"  \"}", "registryId must not be empty")]
    [InlineData("{\"recordVersion\": \"1.0\", \"registryId\": \"NCT1\",}", "trailing comma")]
    [InlineData("{\"recordVersion\": \"1.0\", /* c */ \"registryId\": \"NCT1\"}", "'/' is an invalid start of a property name")]
    public void Parse_NotARecord_IsAnError(string json, string reason)
    {
        var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse(json, "n.json"));

        Assert.Contains(reason, error.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_NonAsciiBeforeError_CountsColumnsInCharacters()
    {
        var json = Head + "  \"briefTitle\": \"≥≥≥\", \"bogus\": 1\n}";

        var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.Parse(json, "u.json"));

        Assert.Equal(4, error.Line);
        Assert.Equal(24, error.Column);
    }

    [Fact]
    public void ReadFile_BadFile_MessageNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-record-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Head + "  \"status\": {\"overallStatus\": \"OPEN\"}\n}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var error = Assert.Throws<TrialRecordFormatException>(() => TrialRecordReader.ReadFile(path));

            Assert.StartsWith(path + ": line 4, column 31: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("$.status.overallStatus: invalid OverallStatus value", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadAsync_Stream_ReadsRecord()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Head + "  \"acronym\": \"PSO\"\n}"));

        var record = await TrialRecordReader.ReadAsync(stream, "s.json");

        Assert.Equal("PSO", record.Acronym);
    }
}
