using System.Text.Json.Nodes;
using FhirTrials.Cli.Tests.Support;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary><c>fhirtrials pull</c> from the project's own server (filled by <c>fhirtrials sync</c>) over loopback HTTP.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class PullCommandTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new("cli-pull");
    private readonly CommandConsole _console = new();
    private LoopbackServer _server = null!;

    private string Out => _folder.File("studies");

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_folder.File("fhir.db"));
        TrialFactory.Write(_folder.File("records"), 0, 2);
        await SyncAsync();
    }

    public async Task DisposeAsync()
    {
        _console.Dispose();
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private async Task SyncAsync()
    {
        var exit = await _console.RunAsync(
            "sync", "--once", "--source", _folder.File("records"), "--target", _server.BaseUrl, "--api-key", LoopbackServer.ApiKey, "--state", _folder.File("state.db"));
        Assert.True(exit == 0, _console.Stderr);
    }

    private async Task<JsonNode> PullAsync(params string[] extra)
    {
        var exit = await _console.RunAsync(["pull", "--from", _server.BaseUrl, "--out", Out, "--output", "json", .. extra]);
        Assert.True(exit == 0, _console.Stderr);
        return JsonNode.Parse(_console.Stdout)!;
    }

    [Fact]
    public async Task Pull_TwiceWithAChangeBetween_WritesBundlesThenOnlyTheChangedStudy()
    {
        var first = await PullAsync();
        TrialFactory.Write(_folder.File("records"), 1, 1, revision: 1);
        await SyncAsync();

        var second = await PullAsync();

        Assert.Equal(2, first["studies"]!.GetValue<int>());
        Assert.True(File.Exists(Path.Combine(Out, TrialFactory.NctId(0) + ".json")));
        Assert.Equal(first["nextSince"]!.GetValue<string>(), second["since"]!.GetValue<string>());
        Assert.Equal([Path.Combine(Out, TrialFactory.NctId(1) + ".json")], second["files"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Pull_RecordsFormat_WritesTrialRecords()
    {
        var summary = await PullAsync("--format", "records", "--since", "2000-01-01T00:00:00Z");

        Assert.Equal(2, summary["studies"]!.GetValue<int>());
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, TrialFactory.NctId(0) + ".json")))!;
        Assert.Equal(TrialFactory.NctId(0), record["registryId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("--since", "last tuesday", "--since 'last tuesday' is not an instant")]
    [InlineData("--from", "not-a-url", "--from 'not-a-url' is not an absolute http or https URL")]
    [InlineData("--format", "xml", "xml")]
    public async Task Pull_BadArguments_ExitTwoWithOneLine(string option, string value, string expected)
    {
        var from = option == "--from" ? [] : new[] { "--from", _server.BaseUrl };

        var exit = await _console.RunAsync(["pull", "--out", Out, .. from, option, value]);

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains(expected, _console.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_UnreachableServer_ExitsTwoWithOneLine()
    {
        var exit = await _console.RunAsync("pull", "--from", $"http://127.0.0.1:{CommandConsole.FreePort()}/fhir", "--out", Out);

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains("no answer", _console.Stderr, StringComparison.Ordinal);
    }
}
