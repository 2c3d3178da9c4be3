using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Testing;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>A corpus of malformed FHIR JSON (Malformed/cases.json): each file must raise exactly the listed issues, with code, location, line and column.</summary>
public sealed class MalformedInputTests
{
    private static readonly string Folder = Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Fhir.Tests", "Serialization", "Malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Manifest().RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("file").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_MalformedInput_ReportsExpectedIssues(string file)
    {
        var expected = Manifest().RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("file").GetString() == file).GetProperty("issues").EnumerateArray().ToList();
        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(File.ReadAllBytes(Path.Combine(Folder, file)), file);

        Assert.True(expected.Count == result.Issues.Count, $"expected {expected.Count} issues, got: {string.Join(" | ", result.Issues)}");
        for (var i = 0; i < expected.Count; i++)
        {
            var want = expected[i];
            var got = result.Issues[i];
            Assert.Equal(want.GetProperty("code").GetString(), EnumLiterals.GetLiteral(got.Code));
            Assert.Contains(want.GetProperty("message").GetString()!, got.Message, StringComparison.Ordinal);
            Assert.Equal(file, got.SourceName);
            if (want.GetProperty("location").ValueKind == JsonValueKind.String)
            {
                Assert.Equal(want.GetProperty("location").GetString(), got.Location);
            }

            if (want.GetProperty("line").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(want.GetProperty("line").GetInt32(), got.Position?.Line);
            }

            if (want.GetProperty("column").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(want.GetProperty("column").GetInt32(), got.Position?.Column);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_StrictMode_ThrowsTheFirstIssue(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));
        var lenient = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(bytes, file);

        var ex = Assert.Throws<FhirParseException>(() => new FhirJsonParser().Parse(bytes, file));

        Assert.Equal(lenient.Issues[0], ex.Issue);
        Assert.StartsWith(file + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralProblems_LenientModeKeepsTheValidContent()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "several-problems.json"));

        var root = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(bytes).Root!;

        Assert.Equal("yes", root.Child("active")!.Text);
        Assert.Equal("red", root.Child("colour")!.Text);
        Assert.Null(root.Child("colour")!.Type);
        Assert.Contains("\"colour\":\"red\"", FhirJsonSerializer.Serialize(root), StringComparison.Ordinal);
    }

    private static JsonDocument Manifest() => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "cases.json")));
}
