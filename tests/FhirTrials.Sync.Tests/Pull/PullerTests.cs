using System.Text.Json;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.Records;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Client.Auth;
using FhirTrials.Sync.Pull;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Sync.Tests.Pull;

/// <summary>The puller against the project's own server over loopback HTTP, filled by the sync engine.</summary>
public sealed class PullerTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("pull");
    private LoopbackServer _server = null!;
    private SyncHarness _sync = null!;
    private FhirClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_folder.File("fhir.db"));
        _sync = new SyncHarness(_server.BaseUrl);
        _client = new FhirClient(new FhirClientOptions { BaseUrl = new Uri(_server.BaseUrl), Auth = new FhirAuthOptions { Mode = FhirAuthMode.Bearer, Token = LoopbackServer.ApiKey } });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        _sync.Dispose();
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private string Out => _folder.File("out");

    private Task<PullReport> PullAsync(PullFormat format = PullFormat.Bundle, DateTimeOffset? since = null, int pageSize = 50) =>
        new Puller(_client).PullAsync(new PullOptions { OutputFolder = Out, Format = format, Since = since, PageSize = pageSize });

    [Fact]
    public async Task PullAsync_FirstPull_WritesOneCollectionBundlePerStudyWithEverythingItReferences()
    {
        TrialFactory.Write(_sync.Source, 0, 3);
        await _sync.RunAsync();

        var report = await PullAsync();

        Assert.Empty(report.Failures);
        Assert.Equal(3, report.Studies);
        Assert.Null(report.Since);
        Assert.Equal(Enumerable.Range(0, 3).Select(i => TrialFactory.NctId(i) + ".json"), Directory.GetFiles(Out, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(Out, "*.json"))
        {
            var bundle = JsonNode.Parse(File.ReadAllText(file))!;
            Assert.Equal("collection", bundle["type"]!.GetValue<string>());
            var entries = bundle["entry"]!.AsArray();
            var types = entries.Select(e => e!["resource"]!["resourceType"]!.GetValue<string>()).ToList();
            Assert.Equal("ResearchStudy", types[0]);
            Assert.Contains("PlanDefinition", types);
            Assert.Contains("Group", types);
            Assert.Contains("Organization", types);
            Assert.Contains("ActivityDefinition", types);
            var present = entries.Select(e => e!["resource"]!["resourceType"]!.GetValue<string>() + "/" + e["resource"]!["id"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            var missing = References(bundle).Where(r => !present.Contains(r)).ToList();
            Assert.True(missing.Count == 0, $"{Path.GetFileName(file)} lacks {string.Join(", ", missing)}");
            Assert.All(entries, e => Assert.StartsWith(_server.BaseUrl + "/", e!["fullUrl"]!.GetValue<string>(), StringComparison.Ordinal));
        }

        var state = PullState.Read(Out)!;
        Assert.Equal(_server.BaseUrl, state.Server);
        Assert.Equal(report.NextSince, state.LastPull);
    }

    [Fact]
    public async Task PullAsync_SecondPullAfterOneChange_FetchesOnlyTheChangedStudy()
    {
        TrialFactory.Write(_sync.Source, 0, 3);
        await _sync.RunAsync();
        var first = await PullAsync();
        TrialFactory.Write(_sync.Source, 1, 1, revision: 1);
        await _sync.RunAsync();

        var second = await PullAsync();

        Assert.Equal(first.NextSince, second.Since);
        Assert.Equal([Path.Combine(Out, TrialFactory.NctId(1) + ".json")], second.Files);
        var study = JsonNode.Parse(File.ReadAllText(second.Files[0]))!["entry"]![0]!["resource"]!;
        Assert.Contains("revision 1", study["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(second.NextSince > first.NextSince);
        var third = await PullAsync();
        Assert.Equal(0, third.Studies);
    }

    [Fact]
    public async Task PullAsync_SinceGiven_OverridesTheRememberedMark()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync();
        await PullAsync();

        var everything = await PullAsync(since: DateTimeOffset.UnixEpoch);

        Assert.Equal(2, everything.Studies);
        Assert.Equal(DateTimeOffset.UnixEpoch, everything.Since);
    }

    [Fact]
    public async Task PullAsync_SmallPages_FollowsNextLinksToEveryStudy()
    {
        TrialFactory.Write(_sync.Source, 0, 5);
        await _sync.RunAsync();

        var report = await PullAsync(pageSize: 2);

        Assert.Empty(report.Failures);
        Assert.Equal(5, report.Studies);
        Assert.Equal(5, report.Files.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task PullAsync_RecordsFormat_GivesBackTheSyncedRecords()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync();

        var report = await PullAsync(PullFormat.Records);

        Assert.Empty(report.Failures);
        for (var i = 0; i < 2; i++)
        {
            var pulled = TrialRecordReader.ReadFile(Path.Combine(Out, TrialFactory.NctId(i) + ".json"));
            var expected = JsonNode.Parse(TrialRecordWriter.ToJson(TrialFactory.Record(i)));
            Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(TrialRecordWriter.ToJson(pulled))), $"{TrialFactory.NctId(i)} differs after the round trip");
        }
    }

    [Fact]
    public void Query_WithSince_FiltersByLastUpdatedAndIncludesWhatStudiesReference()
    {
        var query = Puller.Query(new DateTimeOffset(2026, 1, 31, 10, 0, 0, 250, TimeSpan.FromHours(1)), 20);

        Assert.StartsWith("ResearchStudy?_lastUpdated=ge2026-01-31T09:00:00.250Z&", query, StringComparison.Ordinal);
        Assert.Contains("_count=20", query, StringComparison.Ordinal);
        Assert.Contains("_include=ResearchStudy:protocol", query, StringComparison.Ordinal);
        Assert.DoesNotContain("_lastUpdated=", Puller.Query(null, 20), StringComparison.Ordinal);
    }

    /// <summary>The literal references (<c>Type/id</c>) anywhere in a Bundle's resources.</summary>
    private static IEnumerable<string> References(JsonNode bundle)
    {
        using var document = JsonDocument.Parse(bundle.ToJsonString());
        var found = new List<string>();
        Collect(document.RootElement, null, found);
        return found.Where(r => !r.StartsWith("ResearchStudy/", StringComparison.Ordinal));
    }

    private static void Collect(JsonElement element, string? name, List<string> found)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, property.Name, found);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, name, found);
            }
        }
        else if (name == "reference" && element.GetString() is { } reference && !reference.StartsWith('#'))
        {
            found.Add(reference);
        }
    }
}
