using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.Hosting;
using FhirTrials.Sync.State;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.Sync;

/// <summary>
/// The sync into the embedded endpoint (<c>EmbeddedSyncTarget</c> over a real SQLite file, state in an SQLite
/// file, validation on unless <c>--validate false</c>), one configuration per process so its memory figures are its own. Three passes,
/// each by a fresh engine as a restarted worker would run it:
/// <list type="number">
/// <item>first sync of N generated trials: resources/s and trials/s by wall clock and process CPU time;</item>
/// <item>no-change re-sync: nothing changed on disk, so nothing may be written;</item>
/// <item>re-read re-sync: every file's recorded hash cleared (as after a build with a new mapper), so every
/// trial is read, mapped and compared, and still nothing may be written.</item>
/// </list>
/// Per pass: time, transactions and entries written, bytes allocated, peak GC heap (sampled every 20 ms);
/// at the end the process's peak working set. Prints one JSON object.
/// <code>dotnet run -c Release --project bench/FhirTrials.Benchmarks -- sync --trials 10000 --chunk-size 500</code>
/// </summary>
public static class SyncPasses
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[(2 * i) + 1], StringComparer.Ordinal);
        var trials = int.Parse(options.GetValueOrDefault("trials", "10000"), CultureInfo.InvariantCulture);
        var chunkSize = int.Parse(options.GetValueOrDefault("chunk-size", "100"), CultureInfo.InvariantCulture);
        var validate = bool.Parse(options.GetValueOrDefault("validate", "true"));
        var work = Directory.CreateTempSubdirectory("fhirtrials-sync-bench-").FullName;
        try
        {
            var source = Path.Combine(work, "records");
            TrialRecords.Write(source, 0, trials);
            var sync = new SyncOptions
            {
                Source = { Path = source, Watch = false },
                EmbeddedStore = Path.Combine(work, "store.db"),
                State = { Path = Path.Combine(work, "state.db") },
                ChunkSize = chunkSize,
                Validate = validate,
                DeadLetterPath = Path.Combine(work, "dead-letter"),
            };
            await using var embedded = await EmbeddedStore.OpenAsync(sync.EmbeddedStore);
            var target = new CountingTarget(embedded.Target);
            var first = await PassAsync(sync, target);
            var unchanged = await PassAsync(sync, target);
            await using (var state = new SqliteSyncStateStore(sync.State.Path))
            {
                var commit = new StateCommit();
                commit.InvalidatedSources.AddRange((await state.SourceHashesAsync(default)).Keys);
                await state.CommitAsync(commit, default);
            }

            var reread = await PassAsync(sync, target);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["trials"] = trials,
                ["chunkSize"] = chunkSize,
                ["validate"] = validate,
                ["processors"] = Environment.ProcessorCount,
                ["firstSync"] = first,
                ["noChangeResync"] = unchanged,
                ["rereadResync"] = reread,
                ["peakWorkingSetMB"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1),
            }));
            return first.Failed == 0 && first.Invalid == 0 && unchanged.EntriesWritten == 0 && reread.EntriesWritten == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<PassFigures> PassAsync(SyncOptions options, CountingTarget target)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (transactions, entries) = (target.Transactions, target.Entries);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long peakHeap = GC.GetTotalMemory(forceFullCollection: false);
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(20, CancellationToken.None);
            }
        });

        var clock = Stopwatch.StartNew();
        SyncReport report;
        await using (var components = await SyncComponents.CreateAsync(options, target: target))
        {
            report = await components.Engine.RunOnceAsync();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        process.Refresh();
        return new PassFigures(
            Math.Round(seconds, 3),
            Math.Round((process.TotalProcessorTime - cpu).TotalSeconds, 2),
            report.Seen,
            report.Sent,
            report.Failed,
            report.Invalid,
            report.ResourcesWritten,
            Math.Round(report.ResourcesWritten / seconds, 0),
            Math.Round(report.Sent / seconds, 0),
            target.Transactions - transactions,
            target.Entries - entries,
            Math.Round((GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, 1),
            Math.Round(peakHeap / 1048576.0, 1));
    }

    /// <summary>The figures of one pass.</summary>
    public sealed record PassFigures(
        double Seconds,
        double CpuSeconds,
        long Seen,
        long TrialsSent,
        long Failed,
        long Invalid,
        long ResourcesWritten,
        double ResourcesPerSecond,
        double TrialsPerSecond,
        long Transactions,
        long EntriesWritten,
        double AllocatedMB,
        double PeakHeapMB);
}
