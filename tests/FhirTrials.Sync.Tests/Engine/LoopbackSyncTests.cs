using FhirTrials.Sync.Engine;
using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Sync.Tests.Engine;

/// <summary>The engine against the project's own FHIR server over loopback HTTP, with a real SQLite state file.</summary>
public sealed class LoopbackSyncTests : IAsyncLifetime
{
    private readonly TempFolder _serverFolder = new("server");
    private LoopbackServer _server = null!;
    private SyncHarness _sync = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(_serverFolder.File("fhir.db"));
        _sync = new SyncHarness(_server.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _sync.Dispose();
        await _server.DisposeAsync();
        _serverFolder.Dispose();
    }

    [Fact]
    public async Task RunOnce_NewTrials_SendsEveryTrialAndSharesOrganizations()
    {
        TrialFactory.Write(_sync.Source, 0, 12);

        var report = await _sync.RunAsync();

        Assert.Empty(report.Problems);
        Assert.Equal(12, report.Sent);
        Assert.Equal(12, await _server.Client.CountAsync("ResearchStudy"));
        Assert.Equal(5, await _server.Client.CountAsync("Organization"));
        var counts = await _sync.WithStateAsync(s => s.CountsAsync(default));
        Assert.Equal(12, counts.Synced);
    }

    [Fact]
    public async Task RunOnce_NothingChanged_SendsNothing()
    {
        TrialFactory.Write(_sync.Source, 0, 6);
        await _sync.RunAsync();

        var second = await _sync.RunAsync();

        Assert.Equal(0, second.Requests);
        Assert.Equal(0, second.Sent);
        Assert.Equal(0, second.Seen);
        Assert.Equal("1", (await _server.Client.StudyAsync(TrialFactory.NctId(3))).VersionOf());
    }

    [Fact]
    public async Task RunOnce_OneRecordChanged_SendsOnlyThatTrial()
    {
        TrialFactory.Write(_sync.Source, 0, 6);
        await _sync.RunAsync();
        TrialFactory.Write(_sync.Source, 2, 1, revision: 1);

        var report = await _sync.RunAsync();

        Assert.Equal(1, report.Sent);
        Assert.Equal(1, report.Requests);
        var changed = await _server.Client.StudyAsync(TrialFactory.NctId(2));
        Assert.Equal("2", changed.VersionOf());
        Assert.Contains("revision 1", changed.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", (await _server.Client.StudyAsync(TrialFactory.NctId(1))).VersionOf());
    }

    [Fact]
    public async Task RunOnce_InvalidRecord_GoesToDeadLetterAndIsNotSent()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        File.WriteAllText(TrialFactory.PathOf(_sync.Source, 7), TrialFactory.InvalidRecordJson(7));

        var report = await _sync.RunAsync();
        var again = await _sync.RunAsync();

        Assert.Equal(2, report.Sent);
        Assert.Equal(1, report.Invalid);
        Assert.Equal(0, await _server.Client.CountAsync("ResearchStudy?identifier=https://clinicaltrials.gov/nctid|" + TrialFactory.NctId(7)));
        var outcome = File.ReadAllText(Path.Combine(_sync.DeadLetter, TrialFactory.NctId(7) + ".outcome.json"));
        Assert.Contains("$.leadSponsor.name: empty strings cannot be written in FHIR", outcome, StringComparison.Ordinal);
        var summary = File.ReadAllText(Path.Combine(_sync.DeadLetter, DeadLetterReport.SummaryFile));
        Assert.Contains(TrialFactory.NctId(7), summary, StringComparison.Ordinal);
        Assert.Equal(0, again.Invalid);
        Assert.Equal(0, again.Requests);
    }

    [Fact]
    public async Task RunOnce_RecordRemoved_StatusPolicyWithdrawsTheStudy()
    {
        TrialFactory.Write(_sync.Source, 0, 3);
        await _sync.RunAsync();
        File.Delete(TrialFactory.PathOf(_sync.Source, 1));

        var report = await _sync.RunAsync();

        Assert.Equal(1, report.Removed);
        var study = await _server.Client.StudyAsync(TrialFactory.NctId(1));
        Assert.Equal("withdrawn", study.GetProperty("status").GetString());
        Assert.Equal("2", study.VersionOf());
        Assert.NotEqual("withdrawn", (await _server.Client.StudyAsync(TrialFactory.NctId(0))).GetProperty("status").GetString());
        var states = await _sync.WithStateAsync(s => s.GetTrialsAsync([TrialFactory.NctId(1)], default));
        Assert.Equal(TrialSyncStatus.Removed, states[TrialFactory.NctId(1)].Status);
    }

    [Fact]
    public async Task RunOnce_RecordRemoved_DeletePolicyDeletesTheTrialsResourcesButNotSharedOnes()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync();
        File.Delete(TrialFactory.PathOf(_sync.Source, 0));

        var report = await _sync.RunAsync(o => o.Removal.Policy = RemovalPolicy.Delete);

        Assert.Equal(1, report.Removed);
        var id = TrialFactory.NctId(0).ToLowerInvariant();
        Assert.Equal(0, await _server.Client.CountAsync("ResearchStudy?_id=" + id));
        Assert.Equal(0, await _server.Client.CountAsync("PlanDefinition?_id=" + id + "-protocol"));
        Assert.Equal(1, await _server.Client.CountAsync("ResearchStudy"));
        Assert.Equal(2, await _server.Client.CountAsync("Organization"));
        using var gone = await _server.Client.GetAsync("ResearchStudy/" + id);
        Assert.Equal(System.Net.HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task RunOnce_WithdrawnInTheRecordUnderDeletePolicy_IsDeleted()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync(o => o.Removal.Policy = RemovalPolicy.Delete);
        File.WriteAllText(TrialFactory.PathOf(_sync.Source, 1), TrialFactory.RecordJson(1, overallStatus: "WITHDRAWN"));

        var report = await _sync.RunAsync(o => o.Removal.Policy = RemovalPolicy.Delete);

        Assert.Equal(1, report.Removed);
        Assert.Equal(0, await _server.Client.CountAsync("ResearchStudy?_id=" + TrialFactory.NctId(1).ToLowerInvariant()));
    }

    [Fact]
    public async Task RunOnce_UnreadableFile_IsReportedAndItsTrialIsKept()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync();
        File.WriteAllText(TrialFactory.PathOf(_sync.Source, 1), "{ \"recordVersion\": \"1.0\", \"registryId\": ");

        var report = await _sync.RunAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal(TrialFactory.NctId(1) + ".json", problem.Source);
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
        Assert.Equal(0, report.Removed);
        Assert.NotEqual("withdrawn", (await _server.Client.StudyAsync(TrialFactory.NctId(1))).GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(_sync.DeadLetter, TrialFactory.NctId(1) + ".outcome.json")));
    }

    [Fact]
    public async Task RunOnce_SourceFolderEmptied_RemovesNothing()
    {
        TrialFactory.Write(_sync.Source, 0, 2);
        await _sync.RunAsync();
        foreach (var file in Directory.GetFiles(_sync.Source))
        {
            File.Delete(file);
        }

        var report = await _sync.RunAsync();

        Assert.Equal(0, report.Removed);
        Assert.Contains(report.Problems, p => p.Message.Contains("lists no files", StringComparison.Ordinal));
        Assert.NotEqual("withdrawn", (await _server.Client.StudyAsync(TrialFactory.NctId(0))).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(DriftPolicy.Report)]
    [InlineData(DriftPolicy.Overwrite)]
    public async Task RunOnce_DriftCheck_FindsEditsAndDeletionsOnTheServer(DriftPolicy policy)
    {
        TrialFactory.Write(_sync.Source, 0, 3);
        await _sync.RunAsync();
        var edited = TrialFactory.NctId(0).ToLowerInvariant();
        var study = await _server.Client.GetJsonAsync("ResearchStudy/" + edited);
        var changed = System.Text.Json.Nodes.JsonNode.Parse(study.GetRawText())!.AsObject();
        changed["title"] = "Edited on the server";
        using (var put = await _server.Client.PutAsync("ResearchStudy/" + edited, new StringContent(changed.ToJsonString(), System.Text.Encoding.UTF8, "application/fhir+json")))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        var deleted = TrialFactory.NctId(2).ToLowerInvariant() + "-eligibility";
        using (var delete = await _server.Client.DeleteAsync("Group/" + deleted))
        {
            Assert.True(delete.IsSuccessStatusCode);
        }

        var report = await _sync.RunAsync(o => o.Drift.Policy = policy, new SyncRunOptions { CheckDrift = true });

        Assert.Equal(2, report.Drift.Count);
        Assert.Contains(report.Drift, d => d.Type == "ResearchStudy" && d.Id == edited && !d.Deleted && d.ServerVersion == "2");
        Assert.Contains(report.Drift, d => d.Type == "Group" && d.Id == deleted && d.Deleted);
        var title = (await _server.Client.GetJsonAsync("ResearchStudy/" + edited)).GetProperty("title").GetString();
        using var group = await _server.Client.GetAsync("Group/" + deleted);
        if (policy == DriftPolicy.Overwrite)
        {
            Assert.NotEqual("Edited on the server", title);
            Assert.True(group.IsSuccessStatusCode);
            Assert.Equal(2, report.Sent);
            var clean = await _sync.RunAsync(o => o.Drift.Policy = policy, new SyncRunOptions { CheckDrift = true });
            Assert.Empty(clean.Drift);
        }
        else
        {
            Assert.Equal("Edited on the server", title);
            Assert.Equal(System.Net.HttpStatusCode.Gone, group.StatusCode);
            var states = await _sync.WithStateAsync(s => s.GetTrialsAsync([TrialFactory.NctId(0), TrialFactory.NctId(2)], default));
            Assert.All(states.Values, s => Assert.Equal(TrialSyncStatus.Conflict, s.Status));
        }
    }
}
