using System.Net;
using System.Net.Sockets;

namespace FhirTrials.Cli.Tests.Support;

/// <summary>Captures stdout and stderr while commands run in-process (tests using it belong to the console collection).</summary>
public sealed class CommandConsole : IDisposable
{
    private readonly TextWriter _out = Console.Out;
    private readonly TextWriter _error = Console.Error;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public CommandConsole()
    {
        Console.SetOut(TextWriter.Synchronized(_stdout));
        Console.SetError(TextWriter.Synchronized(_stderr));
    }

    public string Stdout => _stdout.ToString();

    public string Stderr => _stderr.ToString();

    /// <summary>Runs <c>fhirtrials</c> with <paramref name="args"/>, starting with fresh captured output.</summary>
    public Task<int> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        _stdout.GetStringBuilder().Clear();
        _stderr.GetStringBuilder().Clear();
        return FhirTrialsApp.RunAsync(args, cancellationToken);
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Asserts stderr holds one-line errors only (each starting <c>fhirtrials:</c> or the usage hint), no stack trace.</summary>
    public void AssertOneLineErrors()
    {
        var lines = Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.True(
            line.StartsWith("fhirtrials: ", StringComparison.Ordinal) || line.StartsWith("Run 'fhirtrials", StringComparison.Ordinal), $"not a one-line error: {line}"));
        Assert.DoesNotContain("   at ", Stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }
}
