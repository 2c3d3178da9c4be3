using System.Text.Json;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.FaultHost;
using FhirTrials.Sync.Hosting;

// One sync pass in a process of its own, so tests can kill the worker (SIGKILL) at any moment and start
// it again: the engine syncs a folder of trial records to a FHIR server, its state in an SQLite file or
// in PostgreSQL. Prints one JSON line with the pass's report; exit code 0 when the pass ran (whatever it
// could send), 2 for bad arguments, 1 when the pass could not run.
//   dotnet FhirTrials.Sync.FaultHost.dll --source DIR --target URL (--state FILE | --postgres CONNECTION)
//     [--dead-letter DIR] [--chunk-size 100] [--parallelism 1] [--worker-id ID] [--timeout-ms 30000]
//     [--retry-delay-ms 5] [--max-retry-after-ms 50]
SyncOptions options;
try
{
    options = HostArguments.Parse(args).ToOptions();
}
catch (Exception ex) when (ex is ArgumentException or UriFormatException)
{
    await Console.Error.WriteLineAsync("fault host: " + ex.Message);
    return 2;
}

try
{
    await using var components = await SyncComponents.CreateAsync(options);
    var report = await components.Engine.RunOnceAsync();
    Console.WriteLine(JsonSerializer.Serialize(new HostReport(report.Seen, report.Unchanged, report.Changed, report.Sent, report.Failed, report.Invalid, report.Requests, [.. report.Problems.Select(p => $"{p.RegistryId}: {p.Message}")])));
    return 0;
}
catch (SyncException ex)
{
    await Console.Error.WriteLineAsync("fault host: " + ex.Message);
    return 1;
}
