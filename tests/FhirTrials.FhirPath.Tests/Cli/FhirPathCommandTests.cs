using System.Text.Json;
using FhirTrials.Cli.Commands;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Testing;

namespace FhirTrials.FhirPath.Tests.Cli;

/// <summary><c>fhirtrials fhirpath</c>: JSON results, exit 1 with the column for bad expressions, exit 2 for missing files.</summary>
public sealed class FhirPathCommandTests
{
    private static readonly string PatientFile = TestPaths.Fixture("fhirpath-r4", "patient-example.json");

    [Fact]
    public void Run_ValidExpression_PrintsTypedItemsAsJson()
    {
        var (code, stdout, stderr) = Run("name.given.first() | birthDate | name[0].family | active.not() | 2.50 | 3 'mg'", PatientFile);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(stderr);
        using var doc = JsonDocument.Parse(stdout);
        var items = doc.RootElement.EnumerateArray().Select(e => (e.GetProperty("type").GetString(), e.GetProperty("value").GetRawText())).ToList();
        Assert.Equal(
        [
            ("string", "\"Peter\""),
            ("date", "\"1974-12-25\""),
            ("string", "\"Chalmers\""),
            ("System.Boolean", "false"),
            ("System.Decimal", "2.50"),
            ("System.Quantity", """{"value":3,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}"""),
        ],
        items);
    }

    [Fact]
    public void Run_ComplexResult_PrintsItsFhirJson()
    {
        var (code, stdout, _) = Run("name[1]", PatientFile);
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(stdout);
        var item = doc.RootElement[0];
        Assert.Equal("HumanName", item.GetProperty("type").GetString());
        Assert.Equal("Jim", item.GetProperty("value").GetProperty("given")[0].GetString());
    }

    [Fact]
    public void Run_SyntaxError_ExitsOneWithTheColumn()
    {
        var (code, stdout, stderr) = Run("name.where(use = )", PatientFile);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Empty(stdout);
        Assert.StartsWith("fhirtrials: fhirpath: column 18: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EvaluationError_ExitsOneWithTheColumn()
    {
        var (code, _, stderr) = Run("name.single()", PatientFile);
        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("column 6: single(): expects a single input item", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_ExitsTwo()
    {
        var (code, _, stderr) = Run("name", "/no/such/file.json");
        Assert.Equal(ExitCodes.UsageOrIo, code);
        Assert.Contains("/no/such/file.json: no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutResource_EvaluatesOnEmptyInputWithVariables()
    {
        var (code, stdout, _) = Run("%greeting & ' ' & %who", null, ["greeting=hello", "who=world=1"]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("""[{"type":"System.String","value":"hello world=1"}]""", stdout.Trim());
    }

    private static (int Code, string Stdout, string Stderr) Run(string expression, string? resource, string[]? variables = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var request = new FhirPathCommand.Request(expression, resource, variables ?? [], [], OutputFormat.Json);
        var code = FhirPathCommand.Run(request, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
