using System.Text;
using FhirTrials.Cli.Commands;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Testing;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials match</c>: the three verdicts and their exit codes, text and JSON output, usage and input errors.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MatchCommandTests : IDisposable
{
    private static readonly string Matching = Path.Combine(TestPaths.RepoRoot, "tests", "FhirTrials.Eligibility.Tests", "Matching");
    private static readonly string Psoriasis = Path.Combine(TestPaths.RepoRoot, "examples", "bundles", "NCT03765957.json");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirtrials-match-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;

    public MatchCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Console.SetOut(_stdout);
        Console.SetError(_stderr);
        MatchCommand.UnicodeMarkers = () => false;
    }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        MatchCommand.UnicodeMarkers = () => !Console.IsOutputRedirected;
        Directory.Delete(_folder, recursive: true);
    }

    private static string Patient(string name) => Path.Combine(Matching, "Patients", name + ".json");

    private static int Run(params string[] args) => FhirTrialsApp.CreateRootCommand().Parse(["match", .. args]).Invoke();

    private string[] Lines() => _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>A study whose criteria are all structured (Matching/Studies/NCT99000001.json), mapped as `fhirtrials map` does.</summary>
    private string StructuredStudy()
    {
        var record = TrialRecordReader.ReadFile(Path.Combine(Matching, "Studies", "NCT99000001.json"));
        var path = Path.Combine(_folder, "NCT99000001.json");
        File.WriteAllBytes(path, BundleFiles.ToFileBytes(TrialBundleMapper.Default.Map(record)));
        return path;
    }

    [Fact]
    public void Match_EligiblePatient_PrintsOneLinePerCriterionAndExits0()
    {
        var exit = Run("--study", StructuredStudy(), "--patient", Patient("labs-female"), "--date", "2025-06-15");

        Assert.Equal(0, exit);
        var lines = Lines();
        Assert.Equal("+  [inclusion/1] Hemoglobin ≥ 10 g/dL — met: Observation/hb LOINC 718-7 Hemoglobin [Mass/volume] in Blood 12.8 g/dL on 2025-06-01", lines[2]);
        Assert.Equal("ELIGIBLE (Patient/labs-female for Group/nct99000001-eligibility, evaluated 2025-06-15)", lines[6]);
        Assert.All(lines[..6], l => Assert.StartsWith("+  [", l, StringComparison.Ordinal));
        Assert.Equal(string.Empty, _stderr.ToString());
    }

    [Fact]
    public void Match_IneligiblePatient_MarksTheFailingCriterionAndExits1()
    {
        var exit = Run("--study", Psoriasis, "--patient", Patient("psoriasis-ineligible-hemoglobin"), "--date", "2025-06-15");

        Assert.Equal(1, exit);
        var lines = Lines();
        Assert.Contains("x  [exclusion/1] hemoglobin<100g/L — met: Observation/hemoglobin LOINC 718-7 9.2 g/dL = 92 g/L on 2025-06-01", lines);
        Assert.Single(lines, l => l.StartsWith("x  ", StringComparison.Ordinal));
        Assert.Contains("INELIGIBLE (Patient/psoriasis-ineligible-hemoglobin for Group/nct03765957-eligibility, evaluated 2025-06-15)", lines);
    }

    [Fact]
    public void Match_PatientLeavingCriteriaOpen_NeedsReviewAndExits1()
    {
        var exit = Run("--study", Psoriasis, "--patient", Patient("psoriasis-eligible"), "--date", "2025-06-15");

        Assert.Equal(1, exit);
        var lines = Lines();
        Assert.Contains("?  [exclusion/4] Having a serious allergic history or being allergic to two or more than 2 kinds of food or drugs; — unknown (text-only): kept as text: a person reads it", lines);
        Assert.Contains("NEEDS REVIEW (Patient/psoriasis-eligible for Group/nct03765957-eligibility, evaluated 2025-06-15)", lines);
        Assert.Contains("  needs review: 1 criteria unknown (1 text-only)", lines);
    }

    [Fact]
    public void Match_OnATerminal_UsesCheckMarks()
    {
        MatchCommand.UnicodeMarkers = () => true;

        Run("--study", Psoriasis, "--patient", Patient("psoriasis-ineligible-hemoglobin"), "--date", "2025-06-15");

        var lines = Lines();
        Assert.StartsWith("✔  [registry]", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.StartsWith("✘  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_AlternativeThatDoesNotMatter_IsMarkedNeutral()
    {
        var arthritis = Path.Combine(TestPaths.RepoRoot, "examples", "bundles", "NCT03798028.json");

        Run("--study", arthritis, "--patient", Patient("ra-eligible"), "--date", "2025-06-15");

        var lines = Lines();
        Assert.Contains(lines, l => l.StartsWith("+  [inclusion/5, alternative] Hemoglobin < 90 g/L — met", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-  [inclusion/5, alternative] interstitial lung disease — not met", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("x  ", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_JsonOutput_IsTheParametersResource()
    {
        var exit = Run("--study", Psoriasis, "--patient", Patient("psoriasis-eligible"), "--date", "2025-06-15", "--output", "json");

        Assert.Equal(1, exit);
        var parameters = FhirJsonParser.Parse<Parameters>(Encoding.UTF8.GetBytes(_stdout.ToString()), "stdout");
        Assert.Equal("needs-review", ((Code)parameters.Parameter.Single(p => p.Name == "outcome").Value!).Value);
        Assert.Equal("2025-06-15", ((Date)parameters.Parameter.Single(p => p.Name == "evaluationDate").Value!).Value);
        var group = Eligibility.Matching.StudyBundles.FindEligibilityGroup(FhirJsonParser.Parse<Bundle>(File.ReadAllBytes(Psoriasis), Psoriasis));
        Assert.Equal(group.Characteristic.Count, parameters.Parameter.Count(p => p.Name == "criterion"));
    }

    [Fact]
    public void Match_MissingFile_IsOneLineAndExits2()
    {
        var missing = Path.Combine(_folder, "nobody.json");

        var exit = Run("--study", Psoriasis, "--patient", missing);

        Assert.Equal(2, exit);
        Assert.Equal($"fhirtrials: {missing}: no such file", _stderr.ToString().TrimEnd());
        Assert.Equal(string.Empty, _stdout.ToString());
    }

    [Fact]
    public void Match_UnparseableBundle_NamesFileLineAndColumn_AndExits2()
    {
        var broken = Path.Combine(_folder, "broken.json");
        File.WriteAllText(broken, "{\n  \"resourceType\": \"Bundle\",\n  \"type\": collection\n}\n");

        var exit = Run("--study", Psoriasis, "--patient", broken);

        Assert.Equal(2, exit);
        var error = Assert.Single(_stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"fhirtrials: {broken}:3:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Match_StudyWithoutGroup_Exits2()
    {
        var exit = Run("--study", Patient("minimal-male"), "--patient", Patient("minimal-male"));

        Assert.Equal(2, exit);
        Assert.Contains("minimal-male.json: the study Bundle has no Group (eligibility criteria)", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--date", "2025-13-01", "--date '2025-13-01' is not a date (yyyy-mm-dd)")]
    [InlineData("--date", "2025-06-15", "match needs --study <bundle>")]
    public void Match_BadUsage_Exits2(string option, string value, string message)
    {
        var args = message.Contains("--study", StringComparison.Ordinal)
            ? new[] { "--patient", Patient("minimal-male"), option, value }
            : ["--study", Psoriasis, "--patient", Patient("minimal-male"), option, value];

        var exit = Run(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, _stderr.ToString(), StringComparison.Ordinal);
    }
}
