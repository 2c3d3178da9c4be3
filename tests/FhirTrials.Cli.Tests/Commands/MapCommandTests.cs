using System.Text;
using FhirTrials.Cli.Commands;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Testing;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials map</c>: files, folders, CT.gov input, output formats, per-record errors and exit codes.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class MapCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirtrials-map-" + Guid.NewGuid().ToString("N"));
    private readonly StringWriter _stderr = new();
    private readonly TextWriter _originalError = Console.Error;

    public MapCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Console.SetError(_stderr);
    }

    public void Dispose()
    {
        Console.SetError(_originalError);
        MapCommand.StandardOutput = Console.OpenStandardOutput;
        Directory.Delete(_folder, recursive: true);
    }

    private static string Repo(params string[] parts) => Path.Combine([TestPaths.RepoRoot, .. parts]);

    private static Task<int> Run(params string[] args) => FhirTrialsApp.RunAsync(["map", .. args]);

    [Fact]
    public async Task Map_RecordFolderToOut_WritesTheExampleBundles()
    {
        var exit = await Run(Repo("examples", "records"), "--out", _folder);

        Assert.Equal(0, exit);
        var expected = Directory.GetFiles(Repo("examples", "bundles")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(Path.GetFileName), Directory.GetFiles(_folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_folder, Path.GetFileName(file)))));
        Assert.Contains("7 bundles written, 0 records failed", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_Compact_WritesTheSameBundlesWithoutIndentation()
    {
        var exit = await Run(Repo("examples", "records"), "--out", _folder, "--compact");

        Assert.Equal(0, exit);
        var expected = Directory.GetFiles(Repo("examples", "bundles")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, Directory.GetFiles(_folder).Length);
        Assert.All(expected, file =>
        {
            var written = File.ReadAllBytes(Path.Combine(_folder, Path.GetFileName(file)));
            Assert.Equal(FhirJsonSerializer.SerializeToUtf8Bytes(FhirJsonParser.Parse<Bundle>(File.ReadAllBytes(file))), written.AsSpan(0, written.Length - 1).ToArray());
            Assert.Equal((byte)'\n', written[^1]);
            Assert.Single(written, (byte)'\n');
        });
    }

    [Fact]
    public async Task Map_CtGovPageAsNdjson_WritesOneBundlePerLine()
    {
        var studies = new[] { "NCT00033839", "NCT00057759" }.Select(id => File.ReadAllText(TestPaths.Fixture("ctgov-v2", id + ".json")));
        var page = Path.Combine(_folder, "page.json");
        File.WriteAllText(page, $"{{\"studies\": [{string.Join(",", studies)}], \"nextPageToken\": \"x\"}}");

        var exit = await Run(page, "--from", "ctgov", "--format", "ndjson", "--out", Path.Combine(_folder, "out"));

        Assert.Equal(0, exit);
        var lines = File.ReadAllLines(Path.Combine(_folder, "out", MapCommand.NdjsonFileName));
        Assert.Equal(2, lines.Length);
        var bundles = lines.Select(l => FhirJsonParser.Parse<Bundle>(Encoding.UTF8.GetBytes(l))).ToList();
        Assert.Equal(["nct00033839", "nct00057759"], bundles.Select(b => b.Entry[0].Resource!.Id));
        Assert.All(bundles, b => Assert.Equal(BundleType.Transaction, b.Type));
    }

    [Fact]
    public async Task Map_OverExistingLongerFiles_LeavesExactlyTheNewBundles()
    {
        var records = Repo("examples", "records");
        foreach (var bundle in Directory.GetFiles(Repo("examples", "bundles")))
        {
            File.WriteAllText(Path.Combine(_folder, Path.GetFileName(bundle)), new string('x', (int)new FileInfo(bundle).Length * 2));
        }

        var exit = await Run(records, "--out", _folder);

        Assert.Equal(0, exit);
        Assert.All(Directory.GetFiles(Repo("examples", "bundles")), file => Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(_folder, Path.GetFileName(file)))));
    }

    [Fact]
    public async Task Map_SameTrialTwiceInOneBatch_TheLaterRecordWins()
    {
        var study = File.ReadAllText(TestPaths.Fixture("ctgov-v2", "NCT00033839.json"));
        var first = Path.Combine(_folder, "a.json");
        var second = Path.Combine(_folder, "b.json");
        File.WriteAllText(first, study);
        File.WriteAllText(second, JsonNodeWithTitle(study, "Changed title"));

        var exit = await Run(first, second, "--from", "ctgov", "--jobs", "2", "--out", Path.Combine(_folder, "out"));

        Assert.Equal(0, exit);
        var bundle = FhirJsonParser.Parse<Bundle>(File.ReadAllBytes(Path.Combine(_folder, "out", "NCT00033839.json")));
        Assert.Equal("Changed title", bundle.Entry.Select(e => e.Resource).OfType<ResearchStudy>().Single().Title);
        Assert.Contains("2 bundles written", _stderr.ToString(), StringComparison.Ordinal);
    }

    private static string JsonNodeWithTitle(string study, string title)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(study)!;
        node["protocolSection"]!["identificationModule"]!["briefTitle"] = title;
        return node.ToJsonString();
    }

    [Fact]
    public async Task Map_ManyFilesOnSeveralJobs_KeepsInputOrder()
    {
        var inputs = Directory.GetFiles(TestPaths.Fixture("ctgov-v2"), "*.json").Order(StringComparer.Ordinal).Take(24).ToList();
        using var stdout = new MemoryStream();
        MapCommand.StandardOutput = () => stdout;

        var exit = await Run([.. inputs, "--from", "ctgov", "--format", "ndjson", "--jobs", "4"]);

        Assert.Equal(0, exit);
        var ids = Encoding.UTF8.GetString(stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => FhirJsonParser.Parse<Bundle>(Encoding.UTF8.GetBytes(l)).Entry[0].Resource!.Id!.ToUpperInvariant());
        Assert.Equal(inputs.Select(Path.GetFileNameWithoutExtension), ids);
    }

    [Fact]
    public async Task Map_ToStdout_WritesTheBundle()
    {
        using var stdout = new MemoryStream();
        MapCommand.StandardOutput = () => stdout;

        var exit = await Run(Repo("examples", "records", "NCT03798028.json"));

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllBytes(Repo("examples", "bundles", "NCT03798028.json")), stdout.ToArray());
    }

    [Fact]
    public async Task Map_OneBadRecord_ReportsFileAndFieldOnOneLine_WritesTheOthers_Exits1()
    {
        var bad = Path.Combine(_folder, "bad.json");
        File.WriteAllText(bad, """{"recordVersion": "1.0", "registryId": "NCT00000001", "dates": {"start": {"date": "2019-13"}}}""");
        var out1 = Path.Combine(_folder, "out");

        var exit = await Run(bad, Repo("examples", "records", "NCT01741857.json"), "--out", out1);

        Assert.Equal(1, exit);
        Assert.True(File.Exists(Path.Combine(out1, "NCT01741857.json")));
        var error = Assert.Single(_stderr.ToString().Split('\n'), l => l.StartsWith("fhirtrials: ", StringComparison.Ordinal));
        Assert.Contains($"{bad}: NCT00000001: $.dates.start.date: '2019-13' is not a FHIR dateTime", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_UnreadableRecord_IsReportedWithLineAndPath()
    {
        var bad = Path.Combine(_folder, "broken.json");
        File.WriteAllText(bad, """{"recordVersion": "1.0", "registryId": "NCT00000001", "phases": ["PHASE5"]}""");

        var exit = await Run(bad, "--out", Path.Combine(_folder, "out"));

        Assert.Equal(1, exit);
        Assert.Contains("$.phases[0]", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 1", _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Map_MissingInput_Exits2()
    {
        var exit = await Run(Path.Combine(_folder, "nothing-here.json"));

        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", _stderr.ToString(), StringComparison.Ordinal);
    }
}

/// <summary>Tests that redirect the console run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
