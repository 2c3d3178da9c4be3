using System.Text.Json.Nodes;
using FhirTrials.Cli.Tests.Support;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials run</c>: the endpoint and the worker in one process over a temp records folder and SQLite store.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class RunCommandTests : IDisposable
{
    private readonly TempFolder _folder = new("cli-run");
    private readonly CommandConsole _console = new();

    public void Dispose()
    {
        _console.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task Run_RecordsFolder_ServesTheSyncedStudiesAndHealth()
    {
        var source = _folder.Folder("records");
        TrialFactory.Write(source, 0, 3);
        var url = $"http://127.0.0.1:{CommandConsole.FreePort()}";
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var config = _folder.File("appsettings.json");
        File.WriteAllText(config, $$"""{ "Sync": { "DeadLetterPath": "{{_folder.File("dead-letter").Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");

        var run = _console.RunAsync(["run", "--source", source, "--urls", url, "--store", _folder.File("fhir.db"), "--config", config], stop.Token);
        var found = await HttpPolling.UntilAsync(url + "/fhir/ResearchStudy?_summary=count", body => JsonNode.Parse(body)!["total"]!.GetValue<int>() == 3, run);
        TrialFactory.Write(source, 3, 1);
        await HttpPolling.UntilAsync(url + "/fhir/ResearchStudy?_summary=count", body => JsonNode.Parse(body)!["total"]!.GetValue<int>() == 4, run);
        var health = await HttpPolling.UntilAsync(url + "/health", _ => true, run);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.Equal(3, found["total"]!.GetValue<int>());
        Assert.Equal("ok", health["status"]!.GetValue<string>());
        Assert.Contains($"FHIR R4 endpoint: {url}/fhir", _console.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MissingSourceFolder_ExitsTwoWithOneLine()
    {
        var exit = await _console.RunAsync("run", "--source", _folder.File("absent"), "--store", _folder.File("fhir.db"));

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains("absent': no such folder", _console.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadUrls_ExitsTwoWithOneLine()
    {
        var exit = await _console.RunAsync("run", "--source", _folder.Folder("records"), "--urls", "ftp://host", "--store", _folder.File("fhir.db"));

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains("--urls", _console.Stderr, StringComparison.Ordinal);
    }
}
