using System.Text.Json;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;
using FhirTrials.Testing;
using Xunit.Abstractions;

namespace FhirTrials.Sync.Tests.Concurrency;

/// <summary>
/// Two worker processes sharing a PostgreSQL state store sync the same folder at once to a server whose
/// conditional writes race (as HAPI's do): each trial is written once, by one of them, and the server and
/// the state end exact. Skipped, with the reason, without FHIRTRIALS_TEST_POSTGRES.
/// </summary>
public sealed class PostgresWorkersTests(ITestOutputHelper output) : IPostgresTests
{
    private const int Trials = 1000;

    [StoreFact]
    public async Task TwoWorkers_SameSourceAtOnce_EachTrialWrittenOnceAndStateExact()
    {
        var (connection, schema) = await PostgresDatabase.CreateSchemaAsync();
        try
        {
            await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { RacyConditionals = true, RaceWindow = TimeSpan.FromMilliseconds(5) });
            using var temp = new TempFolder("pg-workers");
            var source = temp.Folder("records");
            TrialFactory.Write(source, 0, Trials);
            string[] Arguments(string worker) =>
            [
                "--source", source, "--target", server.BaseUrl, "--postgres", connection, "--dead-letter", temp.File("dead-letter-" + worker),
                "--chunk-size", "50", "--parallelism", "2", "--worker-id", worker,
            ];

            using var a = WorkerProcess.Start(Arguments("a"));
            using var b = WorkerProcess.Start(Arguments("b"));
            var reports = await Task.WhenAll(FinishAsync(a), FinishAsync(b));

            output.WriteLine(string.Join(Environment.NewLine, reports.Select(r => r.ToString())));
            Assert.All(reports, r => Assert.Equal((0L, 0), (r.GetProperty("Failed").GetInt64(), r.GetProperty("Problems").GetArrayLength())));
            Assert.Equal(Trials, reports.Sum(r => r.GetProperty("Sent").GetInt64()));
            Assert.All(reports, r => Assert.True(r.GetProperty("Sent").GetInt64() > 0, "a worker sent nothing: the two did not work at once"));
            var bundles = Enumerable.Range(0, Trials).Select(i => TrialFactory.Bundle(i)).ToList();
            Assert.Empty(server.Read(s => ExpectedResources.Differences(s, bundles)));
            Assert.Empty(server.Read(s => s.Writes.Where(w => !w.Key.StartsWith("Organization/", StringComparison.Ordinal) && w.Value != 1).Select(w => $"{w.Key} written {w.Value} times").ToList()));
            Assert.Empty(server.Read(s => s.Live().Where(v => v.VersionId != 1).Select(v => $"{v.Type}/{v.Id} is at version {v.VersionId}").ToList()));
            await using (var state = new PostgresSyncStateStore(connection))
            {
                Assert.Empty(await SyncedState.DifferencesAsync(state, server, Trials));
            }

            using var again = WorkerProcess.Start(Arguments("c"));
            var last = await FinishAsync(again);
            Assert.Equal((0L, 0L), (last.GetProperty("Seen").GetInt64(), last.GetProperty("Requests").GetInt64()));
        }
        finally
        {
            await PostgresDatabase.DropSchemaAsync(schema);
        }
    }

    private static async Task<JsonElement> FinishAsync(WorkerProcess worker)
    {
        var (exitCode, stdout, stderr) = await worker.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"the worker exited with {exitCode}: {stderr}");
        using var document = JsonDocument.Parse(stdout.Trim());
        return document.RootElement.Clone();
    }
}
