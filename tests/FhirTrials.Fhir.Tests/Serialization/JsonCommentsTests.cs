using System.Text;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Tests.Serialization;

/// <summary>Comments are not JSON: each is an error (and the rest is still read), unless they are allowed.</summary>
public sealed class JsonCommentsTests
{
    private static readonly byte[] Commented = Encoding.UTF8.GetBytes("{\n  \"resourceType\": \"Patient\", // one\n  /* two */ \"active\": true\n}");

    [Fact]
    public void Parse_CommentsNotAllowed_ReportsEachCommentAndKeepsTheRest()
    {
        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(Commented, "c.json");

        Assert.Equal(2, result.Issues.Count);
        Assert.All(result.Issues, i => Assert.Contains("comments are not allowed", i.Message, StringComparison.Ordinal));
        Assert.Equal([2, 3], result.Issues.Select(i => i.Position!.Value.Line));
        Assert.Equal("true", result.Root!.Child("active")!.Text);
    }

    [Fact]
    public void Parse_CommentsAllowed_NoIssues()
    {
        var result = new FhirJsonParser(FhirJsonParserSettings.LenientMode with { AllowComments = true }).Parse(Commented);

        Assert.Empty(result.Issues);
        Assert.Equal("true", result.Root!.Child("active")!.Text);
    }

    [Fact]
    public void Parse_StrictWithComment_Throws()
    {
        Assert.Throws<FhirParseException>(() => new FhirJsonParser().Parse(Commented));
    }
}
