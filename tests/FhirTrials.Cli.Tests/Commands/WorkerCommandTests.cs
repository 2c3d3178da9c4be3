using System.Text.Json.Nodes;
using FhirTrials.Cli.Tests.Support;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials worker</c>: configuration checks, the hosted worker and its health endpoint, over temp SQLite files.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class WorkerCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("cli-worker");
    private readonly CommandConsole _console = new();

    public WorkerCommandTests() => TrialFactory.Write(Source, 0, 3);

    private string Source => _folder.File("records");

    private string Store => _folder.File("fhir.db");

    public void Dispose()
    {
        _console.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Worker_BadConfiguration_ExitsTwoNamingEverySetting()
    {
        var exit = await _console.RunAsync("worker", "--config", SyncConfigFile.Write(_folder, """, "ChunkSize": 0, "Interval": "00:00:00" """));

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains("Sync:Source:Path is required", _console.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sync:ChunkSize 0", _console.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sync:Interval", _console.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Worker_FromConfiguration_SyncsAndReportsHealthUntilCancelled()
    {
        var health = $"http://127.0.0.1:{CommandConsole.FreePort()}";
        var source = SyncConfigFile.Json(Source);
        var store = SyncConfigFile.Json(Store);
        var config = SyncConfigFile.Write(_folder, $$""", "Source": { "Path": "{{source}}" }, "EmbeddedStore": "{{store}}" """);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var worker = _console.RunAsync(["worker", "--config", config, "--health-urls", health], stop.Token);
        var status = await HttpPolling.UntilAsync(health + "/health", body => JsonNode.Parse(body)!["passes"]!.GetValue<long>() >= 1, worker);
        await stop.CancelAsync();

        Assert.Equal(0, await worker);
        Assert.Equal("ok", status["status"]!.GetValue<string>());
        Assert.Equal(3, status["lastRun"]!["sent"]!.GetValue<long>());
        await using var server = await LoopbackServer.StartAsync(Store);
        Assert.Equal(3, await server.Client.CountAsync("ResearchStudy"));
    }

    [Fact]
    public async Task Worker_StoreCannotBeOpened_ExitsTwoWithOneLine()
    {
        var blocker = _folder.File("not-a-folder");
        File.WriteAllText(blocker, "a file where the store's folder should be");
        var config = SyncConfigFile.Write(_folder, $$""", "Source": { "Path": "{{SyncConfigFile.Json(Source)}}" }, "EmbeddedStore": "{{SyncConfigFile.Json(Path.Combine(blocker, "fhir.db"))}}", "State": { "Path": "{{SyncConfigFile.Json(_folder.File("state.db"))}}" } """);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var exit = await _console.RunAsync(["worker", "--config", config], stop.Token);

        Assert.Equal(2, exit);
        Assert.Contains("fhirtrials: the sync worker stopped: ", _console.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _console.Stderr, StringComparison.Ordinal);
    }
}
