using System.CommandLine;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials worker</c>: the background sync worker as a hosted service, configured from
/// <c>appsettings.json</c>, <c>FHIRTRIALS_Sync__…</c> environment variables and flags; passes at start,
/// every <c>Sync:Interval</c> and when the source folder changes; <c>/health</c> on <c>Sync:Health:Urls</c>;
/// stops gracefully on Ctrl+C or SIGTERM. A bad configuration stops it at start with one line per problem (exit 2).
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "An appsettings.json file (section Sync; see docs/sync.md)" };
        var health = new Option<string?>("--health-urls") { Description = "Where to serve /health (e.g. http://127.0.0.1:8081); overrides Sync:Health:Urls" };
        var output = CommonOptions.Output();
        output.Description = "Log format: text (one line per message) or json (structured JSON lines)";
        var command = new Command("worker", "Run the sync worker: keep a FHIR server (or the embedded store) in step with a folder, per configuration")
        {
            config, health, output,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(config), [SyncSetup.Flag("Health:Urls", result.GetValue(health))], result.GetValue(output) == OutputFormat.Json, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(string? configFile, KeyValuePair<string, string?>[] flags, bool json, CancellationToken cancellationToken) =>
        SyncSetup.TryLoad(configFile, flags, out var configuration, out _)
            ? RunHostAsync(configuration, json, cancellationToken)
            : Task.FromResult(ExitCodes.UsageOrIo);

    /// <summary>Runs the worker host over <paramref name="configuration"/> until <paramref name="cancellationToken"/> or a termination signal.</summary>
    internal static async Task<int> RunHostAsync(IConfiguration configuration, bool json, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Configuration = new ConfigurationManager() });
        builder.Configuration.AddConfiguration(configuration);
        SyncSetup.AddConsole(builder.Logging, json);
        builder.Services.AddFhirTrialsSync(configuration, options => SyncConfiguration.ApplyDefaults(options, configuration));
        using var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (SyncSetup.IsStartFailure(ex))
        {
            SyncSetup.WriteStartFailure(ex, "the worker");
            return ExitCodes.UsageOrIo;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        foreach (var address in host.Services.GetServices<IHostedService>().OfType<SyncHealthServer>().SelectMany(h => h.Addresses))
        {
            Console.Error.WriteLine($"Health: {address}/health");
        }

        await host.WaitForShutdownAsync(cancellationToken);
        return StoppedCleanly(host.Services) ? ExitCodes.Ok : ExitCodes.UsageOrIo;
    }

    /// <summary>
    /// False (after writing one line) when the worker stopped because it could not run at all (its store
    /// or state could not be opened); failed passes are not that: they are logged and shown by <c>/health</c>.
    /// </summary>
    internal static bool StoppedCleanly(IServiceProvider services)
    {
        var worker = services.GetServices<IHostedService>().OfType<SyncWorker>().FirstOrDefault();
        if (worker?.ExecuteTask is { IsFaulted: true } task)
        {
            Terminal.WriteError("the sync worker stopped: " + task.Exception!.GetBaseException().Message.ReplaceLineEndings(" "));
            return false;
        }

        return true;
    }
}
