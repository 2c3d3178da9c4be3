using System.Text;
using FhirTrials.Fhir.DataFiles;

namespace FhirTrials.Fhir.Tests.DataFiles;

public sealed class DataFileTests
{
    private sealed record Row(string Code, string? Display, bool Active, double Factor, decimal Limit, List<string>? Aliases);

    private sealed record Table(string Id, List<Row> Rows, Dictionary<string, decimal> Words, string Nested);

    private static Row ReadRow(DataObject row)
    {
        row.Members("code", "display", "active", "factor", "limit", "aliases");
        return new(row.Text("code"), row.OptionalText("display"), row.Flag("active"), row.Number("factor", 1), row.Decimal("limit", 0), row.OptionalTexts("aliases"));
    }

    private static Table ReadTable(DataObject table)
    {
        table.Members("_comment", "id", "rows", "words", "nested");
        return new(table.Text("id"), table.Objects("rows", ReadRow), table.Decimals("words"), table.Object("nested").Members("name").Text("name"));
    }

    private static Table Read(string json) => DataFile.Read(Encoding.UTF8.GetBytes(json), "test.json", ReadTable);

    [Fact]
    public void Read_WellFormedFile_ReadsEveryMemberAndDefaults()
    {
        var table = Read("""
            { // comments are allowed
              "_comment": "ignored", "id": "t",
              "rows": [
                { "code": "a", "display": "A", "active": true, "factor": 2.5, "limit": 1.50, "aliases": ["x", "y"] },
                { "code": "b", "display": null }
              ],
              "words": { "two": 2, "half": 0.5 },
              "nested": { "name": "n" }
            }
            """);

        Assert.Equal("t", table.Id);
        Assert.Equal(new Row("a", "A", true, 2.5, 1.50m, table.Rows[0].Aliases), table.Rows[0]);
        Assert.Equal(["x", "y"], table.Rows[0].Aliases!);
        Assert.Equal("1.50", table.Rows[0].Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new Row("b", null, false, 1, 0, null), table.Rows[1]);
        Assert.Equal(new Dictionary<string, decimal> { ["two"] = 2, ["half"] = 0.5m }, table.Words);
        Assert.Equal("n", table.Nested);
    }

    [Theory]
    [InlineData("""{ "id": "t", "rows": [], "nested": { "name": "n" }, "colour": 1 }""", "test.json: $.colour is not a member of this file's format")]
    [InlineData("""{ "id": "t", "nested": { "name": "n" } }""", "test.json: $.rows is required")]
    [InlineData("""{ "id": "t", "rows": [{ "code": "a" }, { "code": 7 }], "nested": { "name": "n" } }""", "test.json: $.rows[1].code must be a string")]
    [InlineData("""{ "id": "t", "rows": [{ "code": "a", "aliases": ["x", 2] }], "nested": { "name": "n" } }""", "test.json: $.rows[0].aliases[1] must be a string")]
    [InlineData("""{ "id": "t", "rows": [{ "code": null }], "nested": { "name": "n" } }""", "test.json: $.rows[0].code is required")]
    [InlineData("""{ "id": "t", "rows": ["a"], "nested": { "name": "n" } }""", "test.json: $.rows[0] must be an object")]
    [InlineData("""{ "id": "t", "rows": [{ "code": "a", "active": "yes" }], "nested": { "name": "n" } }""", "test.json: $.rows[0].active must be true or false")]
    [InlineData("""{ "id": "t", "rows": [], "words": { "two": "2" }, "nested": { "name": "n" } }""", "test.json: $.words.two must be a number")]
    [InlineData("""{ "id": "t", "rows": [], "nested": { "name": "n", "age": 3 } }""", "test.json: $.nested.age is not a member of this file's format")]
    [InlineData("""[1, 2]""", "test.json: $ must be an object")]
    public void Read_FileOfAnotherShape_ThrowsNamingFileAndPath(string json, string message)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Read(json));

        Assert.Equal(message, exception.Message);
    }

    [Theory]
    [InlineData("""{ "id": "t", "id": "u", "rows": [], "nested": { "name": "n" } }""")]
    [InlineData("{ \"id\": \"t\",\n  \"rows\": [ }")]
    public void Read_MalformedOrDuplicateMember_ThrowsWithLine(string json)
    {
        var exception = Assert.Throws<InvalidDataException>(() => Read(json));

        Assert.StartsWith("test.json: line ", exception.Message);
    }

    [Fact]
    public void ReadEmbedded_ResourceOfTheAssembly_ReadsIt()
    {
        var resource = typeof(DataFile).Assembly.GetManifestResourceNames().First(n => n.EndsWith(".tgz", StringComparison.Ordinal));

        // A package archive is no JSON: the error names the resource and where reading stopped.
        var exception = Assert.Throws<InvalidDataException>(() => DataFile.ReadEmbedded(typeof(DataFile).Assembly, resource, ReadTable));

        Assert.StartsWith(resource + ": line 1, position 1: ", exception.Message);
    }

    [Fact]
    public void ReadEmbedded_MissingResource_NamesIt()
    {
        var exception = Assert.Throws<InvalidDataException>(() => DataFile.ReadEmbedded(typeof(DataFile).Assembly, "nothing.json", ReadTable));

        Assert.Equal("nothing.json: not embedded in FhirTrials.Fhir", exception.Message);
    }
}
