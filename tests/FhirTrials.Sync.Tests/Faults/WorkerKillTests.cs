using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;
using Xunit.Abstractions;

namespace FhirTrials.Sync.Tests.Faults;

/// <summary>
/// The crash proof: a worker process syncing 2,000 trials to a server that fails a fifth of its requests
/// is SIGKILLed at random moments and restarted; at the end the server holds exactly the mapped resources
/// (none lost, none duplicated, no spurious versions) and the state store agrees with it. The seed is
/// printed; <c>FHIRTRIALS_FAULT_SEED</c> repeats a run.
/// </summary>
public sealed class WorkerKillTests(ITestOutputHelper output)
{
    private const int Trials = 2000;
    private const int Kills = 3;

    [Fact]
    public async Task Worker_KilledThreeTimesAgainstAFailingServer_ServerAndStateEndExact()
    {
        var seed = FaultSeed.Next();
        output.WriteLine($"seed {seed} (FHIRTRIALS_FAULT_SEED={seed} repeats this run)");
        var random = new Random(seed);
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior
        {
            Faults =
            {
                Rate = 0.2,
                Seed = seed,
                Kinds = [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Unavailable, FaultKind.DropBefore, FaultKind.DropAfter, FaultKind.Slow],
                RetryAfterSeconds = 1,
                SlowDelay = TimeSpan.FromSeconds(3),
            },
        });
        using var temp = new TempFolder("kill");
        var source = temp.Folder("records");
        TrialFactory.Write(source, 0, Trials);
        string[] arguments =
        [
            "--source", source, "--target", server.BaseUrl, "--state", temp.File("state.db"), "--dead-letter", temp.File("dead-letter"),
            "--chunk-size", "100", "--parallelism", "2", "--timeout-ms", "2000", "--retry-delay-ms", "5", "--max-retry-after-ms", "50",
        ];
        var clock = Stopwatch.StartNew();

        var kills = 0;
        var clean = false;
        for (var run = 1; !clean; run++)
        {
            Assert.True(run <= 12, $"seed {seed}: no complete pass in {run - 1} runs");
            using var worker = WorkerProcess.Start(arguments);
            if (kills < Kills && await KillAtRandomAsync(worker, server, random))
            {
                kills++;
                output.WriteLine($"run {run}: SIGKILL after {Transactions(server)} transactions ({clock.Elapsed.TotalSeconds:F1} s)");
                continue;
            }

            var report = await FinishAsync(worker, seed, run);
            output.WriteLine($"run {run}: {Summary(report)} ({clock.Elapsed.TotalSeconds:F1} s)");
            clean = kills == Kills && report.GetProperty("Failed").GetInt64() == 0 && report.GetProperty("Problems").GetArrayLength() == 0;
        }

        using (var again = WorkerProcess.Start(arguments))
        {
            var report = await FinishAsync(again, seed, 0);
            Assert.Equal((0L, 0L), (report.GetProperty("Seen").GetInt64(), report.GetProperty("Requests").GetInt64()));
        }

        output.WriteLine($"{Trials} trials, {Kills} kills, {server.FaultsInjected} faults in {server.Requests.Count} requests ({FaultCounts(server)}); {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(server.FaultsInjected > 0, $"seed {seed}: no fault was injected");
        var bundles = Enumerable.Range(0, Trials).Select(i => TrialFactory.Bundle(i)).ToList();
        Assert.Empty(server.Read(s => ExpectedResources.Differences(s, bundles)).Select(p => $"seed {seed}: {p}"));
        Assert.Empty(server.Read(s => s.Live().Where(v => v.VersionId != 1).Select(v => $"seed {seed}: {v.Type}/{v.Id} is at version {v.VersionId}").ToList()));
        await using var state = new SqliteSyncStateStore(temp.File("state.db"));
        Assert.Empty((await SyncedState.DifferencesAsync(state, server, Trials)).Select(p => $"seed {seed}: {p}"));
    }

    /// <summary>Kills the worker after a random number of further transactions (0 to 29) and a random 0–400 ms; false when it ended first.</summary>
    private static async Task<bool> KillAtRandomAsync(WorkerProcess worker, FakeFhirServer server, Random random)
    {
        var after = Transactions(server) + random.Next(0, 30);
        var delay = random.Next(0, 400);
        while (!worker.HasExited && Transactions(server) < after)
        {
            await Task.Delay(5);
        }

        await Task.Delay(delay);
        if (worker.HasExited)
        {
            return false;
        }

        worker.Kill();
        return true;
    }

    private static async Task<JsonElement> FinishAsync(WorkerProcess worker, int seed, int run)
    {
        var (exitCode, stdout, stderr) = await worker.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"seed {seed}, run {run}: the worker exited with {exitCode}: {stderr}");
        using var document = JsonDocument.Parse(stdout.Trim());
        return document.RootElement.Clone();
    }

    private static string Summary(JsonElement report)
    {
        var problems = report.GetProperty("Problems").EnumerateArray().Select(p => p.GetString()).ToList();
        var counts = string.Join(", ", report.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => $"{p.Name} {p.Value}"));
        return problems.Count == 0 ? counts : $"{counts}, {problems.Count} problems, first: {string.Join("; ", problems.Take(3))}";
    }

    private static int Transactions(FakeFhirServer server) => server.Requests.Count(r => r.Method == "POST");

    private static string FaultCounts(FakeFhirServer server) =>
        string.Join(", ", server.Requests.Where(r => r.Fault is not null).GroupBy(r => r.Fault!.Value).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")));
}

/// <summary>The seed of a randomized fault test: <c>FHIRTRIALS_FAULT_SEED</c> when set (to repeat a run), else a new one.</summary>
public static class FaultSeed
{
    public const string Variable = "FHIRTRIALS_FAULT_SEED";

    public static int Next() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : Random.Shared.Next();
}
