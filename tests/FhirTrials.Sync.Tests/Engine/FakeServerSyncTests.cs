using System.Text.Json.Nodes;
using FhirTrials.Sync.Engine;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Sync.Tests.Engine;

/// <summary>The engine against fake servers with the limits and failures of real ones.</summary>
public sealed class FakeServerSyncTests
{
    [Theory]
    [InlineData(25, LimitStyle.Status413, 100, 20)]
    [InlineData(500, LimitStyle.Microsoft400, 1000, 130)]
    public async Task RunOnce_ServerBundleLimit_LearnsItAndSendsEverything(int limit, LimitStyle style, int chunkSize, int trials)
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { MaxBundleEntries = limit, LimitStyle = style });
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, trials);

        var report = await sync.RunAsync(o => o.ChunkSize = chunkSize);

        Assert.Empty(report.Problems);
        Assert.Equal(trials, report.Sent);
        Assert.Equal(limit, report.ChunkSize);
        var transactions = server.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Single(transactions, t => t.Entries > limit);
        Assert.All(transactions.Where(t => t.Status == 200), t => Assert.InRange(t.Entries, 1, limit));
        Assert.Empty(server.Read(s => ExpectedResources.Differences(s, Enumerable.Range(0, trials).Select(i => TrialFactory.Bundle(i)))));

        TrialFactory.Write(sync.Source, trials, 10);
        var next = await sync.RunAsync(o => o.ChunkSize = chunkSize);
        Assert.Equal(10, next.Sent);
        Assert.All(server.Requests.Where(r => r.Method == "POST").Skip(transactions.Count), t => Assert.InRange(t.Entries, 1, limit));
    }

    [Fact]
    public async Task RunOnce_TrialLargerThanTheLimit_FailsWithAClearMessage()
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { MaxBundleEntries = 4 });
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 1);

        var report = await sync.RunAsync();

        Assert.Equal(1, report.Failed);
        Assert.Equal("the trial needs 5 entries in one transaction; the server takes at most 4", Assert.Single(report.Problems).Message);
        Assert.Empty(server.Read(s => s.Live().ToList()));
    }

    [Theory]
    [InlineData(DriftPolicy.Report)]
    [InlineData(DriftPolicy.Overwrite)]
    public async Task RunOnce_StudyEditedOnTheServer_412IsResolvedByTheDriftPolicy(DriftPolicy policy)
    {
        await using var server = await FakeFhirServer.StartAsync();
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 3);
        await sync.RunAsync();
        var id = TrialFactory.NctId(1).ToLowerInvariant();
        server.Read(s =>
        {
            var edited = s.Current("ResearchStudy", id)!.Resource!.DeepClone().AsObject();
            edited["title"] = "Edited by a curator";
            return s.Put("ResearchStudy", id, edited, DateTimeOffset.UtcNow);
        });
        TrialFactory.Write(sync.Source, 1, 1, revision: 1);

        var report = await sync.RunAsync(o => o.Drift.Policy = policy);

        var drift = Assert.Single(report.Drift);
        Assert.Equal(("ResearchStudy", id, "1", "2"), (drift.Type, drift.Id, drift.OurVersion, drift.ServerVersion));
        Assert.Contains(server.Requests, r => r.Status == 412);
        var study = server.Read(s => s.Current("ResearchStudy", id)!);
        var states = await sync.WithStateAsync(s => s.GetTrialsAsync([TrialFactory.NctId(1)], default));
        if (policy == DriftPolicy.Report)
        {
            Assert.Equal("Edited by a curator", study.Resource!["title"]!.GetValue<string>());
            Assert.Equal(TrialSyncStatus.Conflict, states[TrialFactory.NctId(1)].Status);
            Assert.Equal(0, report.Sent);
            var again = await sync.RunAsync(o => o.Drift.Policy = policy);
            Assert.Equal(0, again.Requests);
        }
        else
        {
            Assert.Contains("revision 1", study.Resource!["title"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(3, study.VersionId);
            Assert.Equal(TrialSyncStatus.Synced, states[TrialFactory.NctId(1)].Status);
            Assert.Equal(1, report.Sent);
        }
    }

    [Fact]
    public async Task RunOnce_AnswerLostAfterTheServerWrote_ReplayAdoptsTheWriteWithoutDrift()
    {
        await using var server = await FakeFhirServer.StartAsync();
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 2);
        await sync.RunAsync();
        TrialFactory.Write(sync.Source, 0, 1, revision: 1);
        var dropped = 0;
        server.Behavior.Faults = new FakeFaults { Rate = 1, Kinds = [FaultKind.DropAfter], Applies = op => op.StartsWith("POST", StringComparison.Ordinal) && Interlocked.Increment(ref dropped) == 1 };

        var report = await sync.RunAsync();

        Assert.Empty(report.Drift);
        Assert.Equal(1, report.Sent);
        Assert.Equal(1, server.FaultsInjected);
        var study = server.Read(s => s.Current("ResearchStudy", TrialFactory.NctId(0).ToLowerInvariant())!);
        Assert.Equal(2, study.VersionId);
        Assert.Empty(server.Read(s => ExpectedResources.Differences(s, [TrialFactory.Bundle(0, revision: 1), TrialFactory.Bundle(1)])));
    }

    [Fact]
    public async Task RunOnce_TwentyPercentOfRequestsFail_EverythingArrivesExactlyOnce()
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { Faults = { Rate = 0.2, Seed = 20250301, RetryAfterSeconds = 0 } });
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 60);

        var report = await sync.RunAsync(o => o.ChunkSize = 20);

        Assert.Empty(report.Problems);
        Assert.True(server.FaultsInjected > 0);
        Assert.Empty(server.Read(s => ExpectedResources.Differences(s, Enumerable.Range(0, 60).Select(i => TrialFactory.Bundle(i)))));
        Assert.All(server.Read(s => s.Live().ToList()), v => Assert.Equal(1, v.VersionId));
    }

    [Fact]
    public async Task RunOnce_RacyServer_ConcurrentRawConditionalUpdatesDuplicate()
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { RacyConditionals = true });
        using var client = Client.ClientFactory.Create(server.BaseUrl);
        var study = System.Text.Encoding.UTF8.GetBytes("""{"resourceType":"ResearchStudy","status":"active","identifier":[{"system":"https://clinicaltrials.gov/nctid","value":"NCT1"}]}""");

        await Task.WhenAll(
            client.UpdateAsync("ResearchStudy?identifier=https://clinicaltrials.gov/nctid|NCT1", study, null, default),
            client.UpdateAsync("ResearchStudy?identifier=https://clinicaltrials.gov/nctid|NCT1", study, null, default));

        Assert.Equal(2, server.Read(s => s.Live("ResearchStudy").Count()));
    }

    [Fact]
    public async Task RunOnce_RacyServerTwoEnginesInParallel_NeverRaceAConditionalWrite()
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { RacyConditionals = true, RaceWindow = TimeSpan.FromMilliseconds(20) });
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 40);

        var reports = await Task.WhenAll(
            sync.RunAsync(o => (o.ChunkSize, o.Parallelism, o.WorkerId) = (10, 4, "a")),
            sync.RunAsync(o => (o.ChunkSize, o.Parallelism, o.WorkerId) = (10, 4, "b")));

        Assert.All(reports, r => Assert.Empty(r.Problems));
        Assert.Equal(40, reports.Sum(r => r.Sent));
        Assert.Empty(server.Read(s => ExpectedResources.Differences(s, Enumerable.Range(0, 40).Select(i => TrialFactory.Bundle(i)))));
        Assert.All(server.Read(s => s.Writes.Where(w => !w.Key.StartsWith("Organization/", StringComparison.Ordinal)).ToList()), w => Assert.Equal(1, w.Value));
    }

    [Theory]
    [InlineData("3.0.2", true, "speaks FHIR 3.0.2; FhirTrials writes R4 (4.0.x)")]
    [InlineData("4.0.1", false, "does not support transaction Bundles")]
    public async Task RunOnce_UnsuitableServer_FailsThePassWithOneLine(string version, bool transactions, string expected)
    {
        await using var server = await FakeFhirServer.StartAsync(new FakeBehavior { FhirVersion = version, Transactions = transactions });
        using var sync = new SyncHarness(server.BaseUrl, apiKey: null);
        TrialFactory.Write(sync.Source, 0, 1);

        var error = await Assert.ThrowsAsync<SyncException>(() => sync.RunAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
