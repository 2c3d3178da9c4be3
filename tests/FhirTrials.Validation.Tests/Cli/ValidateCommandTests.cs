using System.Text.Json;
using FhirTrials.Cli;
using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Cli;

/// <summary><c>fhirtrials validate</c>: output formats, NDJSON lines, exit codes.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fhirtrials-validate-").FullName;

    private static string Examples => Path.Combine(TestPaths.RepoRoot, "profiles", "examples");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_ValidExamples_ExitZeroAndSummary()
    {
        var (exit, stdout, stderr) = await RunAsync("validate", Examples);
        Assert.Equal(0, exit);
        Assert.DoesNotContain(" error ", stdout, StringComparison.Ordinal);
        Assert.Matches(@"^7 resources, 0 errors, \d+ warnings", stderr.Trim());
    }

    [Fact]
    public async Task Run_InvalidResource_ExitOneWithFileLineColumnSeverityExpression()
    {
        var file = Write("bad.json", """
            {
              "resourceType": "Patient",
              "gender": "robot"
            }
            """);
        var (exit, stdout, stderr) = await RunAsync("validate", file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}:3:3 error Patient.gender ", stdout, StringComparison.Ordinal);
        Assert.Contains("'robot'", stdout, StringComparison.Ordinal);
        Assert.StartsWith("1 resources, 1 errors", stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingFile_ExitTwoAndOthersStillValidated()
    {
        var (exit, _, stderr) = await RunAsync("validate", Path.Combine(_dir, "nothing.json"), Path.Combine(Examples, "Group-fhirtrials-example-eligibility.json"));
        Assert.Equal(2, exit);
        Assert.Contains("nothing.json: no such file or folder", stderr, StringComparison.Ordinal);
        Assert.Contains("1 resources", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnparseableJsonAmongOthers_ReportedAndRunGoesOn()
    {
        var broken = Write("broken.json", "{\"resourceType\": \"Patient\", ");
        var (exit, stdout, stderr) = await RunAsync("validate", broken, Path.Combine(Examples, "Organization-fhirtrials-example-sponsor.json"));
        Assert.Equal(1, exit);
        Assert.Contains($"{broken}:1:", stdout, StringComparison.Ordinal);
        Assert.Contains(" fatal ", stdout, StringComparison.Ordinal);
        Assert.StartsWith("2 resources, 1 errors", stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Ndjson_EachLineValidatedWithItsLineNumber()
    {
        var file = Write("resources.ndjson", "{\"resourceType\":\"Patient\",\"active\":true}\n\n{\"resourceType\":\"Patient\",\"gender\":\"robot\"}\n");
        var (exit, stdout, stderr) = await RunAsync("validate", file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}:3:", stdout, StringComparison.Ordinal);
        Assert.StartsWith("2 resources, 1 errors", stderr.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_JsonOutputForSeveralInputs_BundleOfOutcomesNamingEachFile()
    {
        var bad = Write("bad.json", "{\"resourceType\":\"Patient\",\"gender\":\"robot\"}");
        var good = Path.Combine(Examples, "Location-fhirtrials-example-site.json");
        var (exit, stdout, _) = await RunAsync("validate", "--output", "json", bad, good);
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("Bundle", doc.RootElement.GetProperty("resourceType").GetString());
        Assert.Equal("collection", doc.RootElement.GetProperty("type").GetString());
        var files = doc.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource").GetProperty("extension")[0])
            .Select(x => (Url: x.GetProperty("url").GetString(), File: x.GetProperty("valueString").GetString()))
            .ToList();
        Assert.All(files, f => Assert.Equal(OutcomeWriter.FileExtension, f.Url));
        Assert.Equal([bad, good], files.Select(f => f.File));
    }

    [Fact]
    public async Task Run_JsonOutputForOneInput_OperationOutcomeWithLineAndColumn()
    {
        var bad = Write("bad.json", "{\n  \"resourceType\": \"Patient\",\n  \"gender\": \"robot\"\n}");
        var (_, stdout, _) = await RunAsync("validate", "-o", "json", bad);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("OperationOutcome", doc.RootElement.GetProperty("resourceType").GetString());
        var issue = doc.RootElement.GetProperty("issue").EnumerateArray().Single(i => i.GetProperty("severity").GetString() == "error");
        Assert.Equal("Patient.gender", issue.GetProperty("expression")[0].GetString());
        var extensions = issue.GetProperty("extension").EnumerateArray().ToDictionary(x => x.GetProperty("url").GetString()!, x => x);
        Assert.Equal(3, extensions[OutcomeWriter.LineExtension].GetProperty("valueInteger").GetInt32());
        Assert.Equal(3, extensions[OutcomeWriter.ColumnExtension].GetProperty("valueInteger").GetInt32());
    }

    [Fact]
    public async Task Run_UnknownProfile_ExitTwo()
    {
        var (exit, _, stderr) = await RunAsync("validate", "--profile", "http://example.org/no-such-profile", Examples);
        Assert.Equal(2, exit);
        Assert.Contains("--profile http://example.org/no-such-profile", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProfileOverridesMetaProfile_ReportsAgainstTheGivenProfile()
    {
        var group = Path.Combine(Examples, "Group-fhirtrials-example-eligibility.json");
        var (exit, stdout, _) = await RunAsync("validate", "--profile", FhirTrialsProfiles.StructureDefinition("FhirTrialsSite"), group);
        Assert.Equal(1, exit);
        Assert.Contains("constrains Location, but this resource is a Group", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exit = await FhirTrialsApp.RunAsync(args);
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }
}

/// <summary>Tests that redirect the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
