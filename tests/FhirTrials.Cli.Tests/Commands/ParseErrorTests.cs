using FhirTrials.Cli.Tests.Support;

namespace FhirTrials.Cli.Tests.Commands;

/// <summary>Command-line parse errors, whatever the command: one line each and exit 2 (usage).</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class ParseErrorTests : IDisposable
{
    private readonly CommandConsole _console = new();

    public void Dispose() => _console.Dispose();

    [Theory]
    [InlineData(new[] { "map", "examples", "--no-such-option" }, "--no-such-option")]
    [InlineData(new[] { "map" }, "inputs")]
    [InlineData(new[] { "pull", "--out", "x" }, "--from")]
    [InlineData(new[] { "serve", "--urls" }, "--urls")]
    [InlineData(new[] { "no-such-command" }, "no-such-command")]
    [InlineData(new string[0], "Required command")]
    public async Task RunAsync_ParseError_ExitsTwoWithOneLineErrors(string[] args, string expected)
    {
        var exit = await _console.RunAsync(args);

        Assert.Equal(2, exit);
        _console.AssertOneLineErrors();
        Assert.Contains(expected, _console.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_ExitsZero()
    {
        var exit = await _console.RunAsync("sync", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("--state-postgres", _console.Stdout, StringComparison.Ordinal);
    }
}
