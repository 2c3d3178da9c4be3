using System.CommandLine;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Sync.Engine;

namespace FhirTrials.Cli.Commands;

/// <summary>
/// <c>fhirtrials sync</c>: keeps a FHIR server (<c>--target</c>) or the embedded store (<c>--store</c>, what
/// <c>fhirtrials serve</c> serves) in step with a folder of trial records or CT.gov JSON. With <c>--once</c>
/// one pass and a summary (exit 0: all settled; 1: trials failed or were dead-lettered; 2: usage, I/O or an
/// unreachable target); without, the worker runs until Ctrl+C.
/// </summary>
public static partial class SyncCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "The folder of trial records (or CT.gov JSON with --from ctgov); Sync:Source:Path" };
        var from = new Option<SourceFormat?>("--from") { Description = "Source kind: record (trial record files, default) or ctgov (CT.gov API v2 JSON)" };
        var target = new Option<string?>("--target") { Description = "FHIR server base URL; without it the embedded store (--store) is written" };
        var apiKey = new Option<string?>("--api-key") { Description = "Bearer token for --target" };
        var store = new Option<string?>("--store") { Description = "The embedded store's SQLite file (default fhirtrials.db; what 'fhirtrials serve --store' serves)" };
        var state = new Option<string?>("--state") { Description = "The SQLite state file (default: beside the embedded store, or fhirtrials-sync.db with --target)" };
        var statePostgres = new Option<string?>("--state-postgres") { Description = "Keep the state in PostgreSQL (Npgsql connection string) instead" };
        var chunkSize = new Option<int?>("--chunk-size") { Description = "The most entries per transaction Bundle (default 100; lowered to the server's limit)" };
        var once = new Option<bool>("--once") { Description = "Run one pass, print a summary and exit" };
        var checkDrift = new Option<bool>("--check-drift") { Description = "With --once: compare every synced resource with the server in this pass (Sync:Drift)" };
        var config = new Option<string?>("--config") { Description = "An appsettings.json file (section Sync; see docs/sync.md)" };
        var output = CommonOptions.Output();
        var command = new Command("sync", "Sync a folder of trial records to a FHIR server or the embedded store")
        {
            source, from, target, apiKey, store, state, statePostgres, chunkSize, once, checkDrift, config, output,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var key = result.GetValue(apiKey);
            var postgres = result.GetValue(statePostgres);
            if (postgres is not null && result.GetValue(state) is not null)
            {
                Terminal.WriteError("give either --state or --state-postgres, not both");
                return Task.FromResult(ExitCodes.UsageOrIo);
            }

            if (key is not null && result.GetValue(target) is null)
            {
                Terminal.WriteError("--api-key needs --target (the embedded store needs no key)");
                return Task.FromResult(ExitCodes.UsageOrIo);
            }

            KeyValuePair<string, string?>[] flags =
            [
                SyncSetup.Flag("Source:Path", result.GetValue(source)),
                SyncSetup.Flag("Source:Format", result.GetValue(from)?.ToString()),
                SyncSetup.Flag("Target:BaseUrl", result.GetValue(target)),
                SyncSetup.Flag("Target:Auth:Mode", key is null ? null : "Bearer"),
                SyncSetup.Flag("Target:Auth:Token", key),
                SyncSetup.Flag("EmbeddedStore", result.GetValue(store)),
                SyncSetup.Flag("State:Path", result.GetValue(state)),
                SyncSetup.Flag("State:Provider", postgres is null ? (result.GetValue(state) is null ? null : "Sqlite") : "Postgres"),
                SyncSetup.Flag("State:ConnectionString", postgres),
                SyncSetup.Flag("ChunkSize", result.GetValue(chunkSize)),
            ];
            var json = result.GetValue(output) == OutputFormat.Json;
            if (!SyncSetup.TryLoad(result.GetValue(config), flags, out var configuration, out var options))
            {
                return Task.FromResult(ExitCodes.UsageOrIo);
            }

            return result.GetValue(once)
                ? RunOnceAsync(options, new SyncRunOptions { CheckDrift = result.GetValue(checkDrift) }, json || Console.IsOutputRedirected, cancellationToken)
                : WorkerCommand.RunHostAsync(configuration, json, cancellationToken);
        });
        return command;
    }
}
