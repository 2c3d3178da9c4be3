using System.Text.Json.Nodes;
using FhirTrials.Cli.Tests.Support;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials sync</c>: real SQLite files in temp folders, the project's own server over loopback HTTP.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class SyncCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("cli-sync");
    private readonly CommandConsole _console = new();

    public SyncCommandTests() => TrialFactory.Write(Source, 0, 3);

    private string Source => _folder.File("records");

    private string Store => _folder.File("fhir.db");

    public void Dispose()
    {
        _console.Dispose();
        _folder.Dispose();
    }

    private async Task<JsonNode> SyncOnceAsync(int expectedExit, params string[] extra)
    {
        var exit = await _console.RunAsync(["sync", "--source", Source, "--once", "--output", "json", "--config", SyncConfigFile.Write(_folder), .. extra]);
        Assert.True(expectedExit == exit, $"exit {exit}: {_console.Stderr}");
        return JsonNode.Parse(_console.Stdout)!;
    }

    [Fact]
    public async Task Sync_OnceIntoTheEmbeddedStore_TheServerOverTheStoreServesTheStudies()
    {
        var summary = await SyncOnceAsync(0, "--store", Store);

        Assert.Equal(3, summary["sent"]!.GetValue<long>());
        Assert.Equal(3, summary["changed"]!.GetValue<long>());
        Assert.True(File.Exists(_folder.File("fhir-sync.db")), "the state lives beside the store");
        await using var server = await LoopbackServer.StartAsync(Store);
        Assert.Equal(3, await server.Client.CountAsync("ResearchStudy"));
        Assert.Equal("1", (await server.Client.StudyAsync(TrialFactory.NctId(2))).VersionOf());
    }

    [Fact]
    public async Task Sync_OnceTwice_TheSecondPassSendsNothing()
    {
        await SyncOnceAsync(0, "--store", Store);

        var second = await SyncOnceAsync(0, "--store", Store);

        Assert.Equal(0, second["sent"]!.GetValue<long>());
        Assert.Equal(0, second["requests"]!.GetValue<long>());
        Assert.Equal(3, second["state"]!["synced"]!.GetValue<long>());
        Assert.Equal(3, second["unchangedFiles"]!.GetValue<long>());
    }

    [Fact]
    public async Task Sync_OnceToATarget_SendsOverHttpWithTheApiKey()
    {
        await using var server = await LoopbackServer.StartAsync(_folder.File("remote.db"));

        var summary = await SyncOnceAsync(0, "--target", server.BaseUrl, "--api-key", LoopbackServer.ApiKey, "--state", _folder.File("state.db"), "--chunk-size", "20");

        Assert.Equal(3, summary["sent"]!.GetValue<long>());
        Assert.Equal(20, summary["chunkSize"]!.GetValue<int>());
        Assert.Equal(3, await server.Client.CountAsync("ResearchStudy"));
    }

    [Fact]
    public async Task Sync_OnceWithAnInvalidRecord_ExitsOneAndDeadLettersIt()
    {
        File.WriteAllText(TrialFactory.PathOf(Source, 7), TrialFactory.InvalidRecordJson(7));

        var summary = await SyncOnceAsync(1, "--store", Store);
        var again = await SyncOnceAsync(1, "--store", Store);

        Assert.Equal(3, summary["sent"]!.GetValue<long>());
        Assert.Equal(1, summary["invalid"]!.GetValue<long>());
        Assert.Equal(1, again["state"]!["invalid"]!.GetValue<long>());
        Assert.True(File.Exists(Path.Combine(_folder.File("dead-letter"), TrialFactory.MalformedNctId(7) + ".outcome.json")));
    }

    [Fact]
    public async Task Sync_UnreachableTarget_ExitsTwoWithOneLineAndNoStackTrace()
    {
        var url = $"http://127.0.0.1:{CommandConsole.FreePort()}/fhir";

        var exit = await _console.RunAsync("sync", "--source", Source, "--once", "--target", url, "--state", _folder.File("state.db"), "--config", SyncConfigFile.Write(_folder));

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains(url, _console.Stderr, StringComparison.Ordinal);
        Assert.Single(_console.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--source", "no-such-folder"], "no such folder" },
        { ["--chunk-size", "0"], "Sync:ChunkSize 0" },
        { ["--chunk-size", "many"], "many" },
        { ["--target", "not a url"], "Sync:Target:BaseUrl" },
        { ["--state", "a.db", "--state-postgres", "Host=x"], "either --state or --state-postgres" },
        { ["--api-key", "k"], "--api-key needs --target" },
        { ["--from", "xml"], "xml" },
        { ["--no-such-option"], "--no-such-option" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Sync_BadArguments_ExitTwoWithOneLineErrors(string[] arguments, string expected)
    {
        var source = arguments.Contains("--source") ? [] : new[] { "--source", Source };

        var exit = await _console.RunAsync(["sync", "--once", "--store", Store, .. source, .. arguments]);

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains(expected, _console.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Store), "nothing is written on a usage error");
    }

    [Fact]
    public async Task Sync_WithoutOnce_KeepsSyncingUntilCancelled()
    {
        var health = $"http://127.0.0.1:{CommandConsole.FreePort()}";
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var sync = _console.RunAsync(["sync", "--source", Source, "--store", Store, "--config", SyncConfigFile.Write(_folder, $$""", "Health": { "Urls": "{{health}}" }""")], stop.Token);
        await HttpPolling.UntilAsync(health + "/health", body => JsonNode.Parse(body)!["passes"]!.GetValue<long>() >= 1, sync);
        TrialFactory.Write(Source, 3, 1);
        var status = await HttpPolling.UntilAsync(health + "/health", body => JsonNode.Parse(body)!["passes"]!.GetValue<long>() >= 2, sync);
        await stop.CancelAsync();

        Assert.Equal(0, await sync);
        Assert.Equal(1, status["lastRun"]!["sent"]!.GetValue<long>());
        await using var server = await LoopbackServer.StartAsync(Store);
        Assert.Equal(4, await server.Client.CountAsync("ResearchStudy"));
    }
}
