using System.Diagnostics;
using System.Reflection;
using FhirTrials.Testing;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// A sync worker in its own OS process (tests/FhirTrials.Sync.FaultHost, started with <c>dotnet</c>), so
/// a test can SIGKILL it mid-pass and start another, as a crashing and restarted worker would.
/// </summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private WorkerProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The fault host's assembly, built beside this test project in the same configuration.</summary>
    public static string HostPath { get; } = Path.Combine(
        TestPaths.RepoRoot, "tests", "FhirTrials.Sync.FaultHost", "bin",
        typeof(WorkerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release",
        new DirectoryInfo(AppContext.BaseDirectory).Name,
        "FhirTrials.Sync.FaultHost.dll");

    public bool HasExited => _process.HasExited;

    public static WorkerProcess Start(IEnumerable<string> arguments)
    {
        if (!File.Exists(HostPath))
        {
            throw new FileNotFoundException($"{HostPath} is missing; build tests/FhirTrials.Sync.FaultHost", HostPath);
        }

        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(HostPath);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new WorkerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"));
    }

    /// <summary>SIGKILL (what <see cref="Process.Kill()"/> sends on Unix): no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }

        _process.WaitForExit();
    }

    /// <summary>Waits for the worker to end by itself; its exit code and output.</summary>
    public async Task<(int ExitCode, string Output, string Errors)> WaitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the worker did not finish within {within}; stderr: {await _stderr}");
        }

        return (_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
