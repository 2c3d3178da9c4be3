using System.CommandLine;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.Targets;
using FhirTrials.Sync.Worker;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials run</c>: the whole job in one process: the FHIR R4 endpoint (<c>/fhir</c>) over an SQLite
/// store, and the sync worker keeping that store in step with a folder of trial records (a pass at start,
/// then on every change and every <c>Sync:Interval</c>); <c>/health</c> shows the worker's status.
/// </summary>
public static class RunCommand
{
    /// <summary>The folder synced when <c>--source</c> is not given, relative to the current directory.</summary>
    public static readonly string DefaultSource = Path.Combine("examples", "records");

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "The folder of trial records to publish", DefaultValueFactory = _ => DefaultSource };
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated URLs)", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var store = new Option<string>("--store") { Description = "The SQLite store file", DefaultValueFactory = _ => FhirStores.DefaultSqliteFile };
        var config = new Option<string?>("--config") { Description = "An appsettings.json file (sections Sync and FhirServer; see docs/sync.md)" };
        var command = new Command("run", "Serve FHIR R4 studies under /fhir and keep them in step with a folder of trial records (one process)")
        {
            source, urls, store, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(source)!, result.GetValue(urls)!, result.GetValue(store)!, result.GetValue(config), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string source, string urls, string store, string? configFile, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source))
        {
            Terminal.WriteError($"--source '{source}': no such folder (give the folder of trial records to publish)");
            return ExitCodes.UsageOrIo;
        }

        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if ((addresses.Length == 0 ? urls : addresses.FirstOrDefault(u => !ServeCommand.IsListenUrl(u))) is { } bad)
        {
            Terminal.WriteError($"--urls: '{bad}' is not an http(s)://host:port URL");
            return ExitCodes.UsageOrIo;
        }

        if (!SyncSetup.TryLoad(configFile, [SyncSetup.Flag("Source:Path", source), SyncSetup.Flag("EmbeddedStore", store)], out var configuration, out _))
        {
            return ExitCodes.UsageOrIo;
        }

        WebApplication app;
        try
        {
            app = FhirServerApp.Create(addresses, o =>
            {
                o.Store = "sqlite";
                o.SqlitePath = store;
            },
            services =>
            {
                services.AddLogging(logging => SyncSetup.AddConsole(logging, json: false));
                services.AddSingleton<ISyncTarget>(sp => new EmbeddedSyncTarget(
                    sp.GetRequiredService<IFhirTransactionProcessor>(), sp.GetRequiredService<IFhirStore>(), sp.GetRequiredService<FhirServerOptions>().MaxBundleEntries));
                services.AddFhirTrialsSync(configuration, o => SyncConfiguration.ApplyDefaults(o, configuration));
            });
            app.MapSyncHealth();
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (SyncSetup.IsStartFailure(ex))
        {
            SyncSetup.WriteStartFailure(ex, "the endpoint and worker");
            return ExitCodes.UsageOrIo;
        }

        await using (app.ConfigureAwait(false))
        {
            foreach (var address in FhirServerApp.Addresses(app))
            {
                Console.Error.WriteLine($"FHIR R4 endpoint: {address}/fhir  (pull: fhirtrials pull --from {address}/fhir --out studies)");
                Console.Error.WriteLine($"Sync status: {address}/health; publishing {Path.GetFullPath(source)} (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return WorkerCommand.StoppedCleanly(app.Services) ? ExitCodes.Ok : ExitCodes.UsageOrIo;
        }
    }
}
