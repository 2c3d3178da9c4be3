using FhirTrials.Sync.State;
using FhirTrials.Sync.Tests.Infrastructure;
using FhirTrials.Testing;

namespace FhirTrials.Sync.Tests.State;

/// <summary>The state store's behaviour, run on SQLite and on PostgreSQL.</summary>
public abstract class StateStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset When = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    protected ISyncStateStore Store { get; private set; } = null!;

    /// <summary>A second store over the same database (another worker).</summary>
    protected ISyncStateStore Other { get; private set; } = null!;

    protected abstract Task<(ISyncStateStore, ISyncStateStore)> CreateAsync();

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        if (this is IPostgresTests && !PostgresDatabase.Available)
        {
            return;
        }

        (Store, Other) = await CreateAsync();
        await Store.MigrateAsync(default);
    }

    public async Task DisposeAsync()
    {
        if (Store is not null)
        {
            await Store.DisposeAsync();
            await Other.DisposeAsync();
            await CleanUpAsync();
        }
    }

    [StoreFact]
    public async Task MigrateAsync_RunTwiceAndConcurrently_KeepsTheSchema()
    {
        await Store.SetMetaAsync("k", "v", default);

        await Task.WhenAll(Store.MigrateAsync(default), Other.MigrateAsync(default), Store.MigrateAsync(default));

        Assert.Equal("v", await Other.GetMetaAsync("k", default));
        Assert.Equal("1", await Store.GetMetaAsync("schema_version", default));
    }

    [StoreFact]
    public async Task CommitAsync_TrialWithResources_IsReadBackAndResourcesAreReplaced()
    {
        await Store.CommitAsync(Commit(Trial("NCT1", "h1", Resource("NCT1", "ResearchStudy", "nct1", "1"), Resource("NCT1", "Group", "nct1-g", "1"))), default);
        await Store.CommitAsync(Commit(Trial("NCT1", "h2", Resource("NCT1", "ResearchStudy", "nct1", "2"))), default);

        var trial = (await Other.GetTrialsAsync(["NCT1", "NCT-unknown"], default)).Values.Single();

        Assert.Equal(("NCT1", TrialSyncStatus.Synced, "h2"), (trial.RegistryId, trial.Status, trial.ContentHash));
        Assert.Equal(When, trial.UpdatedAt);
        var resource = Assert.Single(trial.Resources!);
        Assert.Equal(("ResearchStudy", "nct1", "2", "urn:uuid:nct1"), (resource.Type, resource.Id, resource.VersionId, resource.FullUrl));
    }

    [StoreFact]
    public async Task CommitAsync_TrialWithoutResources_KeepsTheStoredOnes()
    {
        await Store.CommitAsync(Commit(Trial("NCT1", "h1", Resource("NCT1", "ResearchStudy", "nct1", "1"))), default);

        await Store.CommitAsync(Commit(Trial("NCT1", "h1") with { Status = TrialSyncStatus.Conflict, Resources = null, Message = "edited" }), default);

        var trial = (await Store.GetTrialsAsync(["NCT1"], default))["NCT1"];
        Assert.Equal((TrialSyncStatus.Conflict, "edited"), (trial.Status, trial.Message));
        Assert.Single(trial.Resources!);
    }

    [StoreFact]
    public async Task OrphanedTrialsAsync_TrialsNoSourceHolds_AreOrphans()
    {
        var commit = Commit(Trial("NCT1", "h"), Trial("NCT2", "h"), Trial("NCT3", "h") with { Status = TrialSyncStatus.Removed });
        commit.Sources.Add(new SourceState("a.json", "ha", ["NCT1"]));
        commit.Sources.Add(new SourceState("b.json", "hb", ["NCT2"]));
        await Store.CommitAsync(commit, default);
        Assert.Empty(await Store.OrphanedTrialsAsync(default));

        var removal = new StateCommit();
        removal.DeletedSources.Add("b.json");
        removal.InvalidatedSources.Add("a.json");
        await Store.CommitAsync(removal, default);

        Assert.Equal(["NCT2"], await Other.OrphanedTrialsAsync(default));
        var hashes = await Other.SourceHashesAsync(default);
        Assert.Equal("", Assert.Single(hashes, p => p.Key == "a.json").Value);
    }

    [StoreFact]
    public async Task SharedAsync_KnownFullUrls_GiveTheirAddresses()
    {
        var commit = new StateCommit();
        commit.Shared["urn:uuid:org-1"] = "Organization/srv-1";
        await Store.CommitAsync(commit, default);

        var shared = await Other.SharedAsync(["urn:uuid:org-1", "urn:uuid:org-2"], default);

        Assert.Equal("Organization/srv-1", Assert.Single(shared).Value);
    }

    [StoreFact]
    public async Task TrialsAsync_AndCountsAsync_ListByStatus()
    {
        await Store.CommitAsync(Commit(Trial("NCT2", "h") with { Status = TrialSyncStatus.Invalid }, Trial("NCT1", "h") with { Status = TrialSyncStatus.Invalid }, Trial("NCT3", "h", Resource("NCT3", "Group", "g", "1"))), default);

        var invalid = new List<string>();
        await foreach (var trial in Store.TrialsAsync(TrialSyncStatus.Invalid, default))
        {
            invalid.Add(trial.RegistryId);
        }

        Assert.Equal(["NCT1", "NCT2"], invalid);
        Assert.Equal(new StateCounts(1, 2, 0, 0, 1), await Store.CountsAsync(default));
    }

    [StoreFact]
    public async Task Locks_KeyHeldByOneHolder_IsRefusedToAnotherUntilReleased()
    {
        var first = await Store.Locks.BeginAsync(default);
        Assert.True(await first.TryAcquireAsync("trial:NCT1", default));
        await using var second = await Other.Locks.BeginAsync(default);

        Assert.False(await second.TryAcquireAsync("trial:NCT1", default));
        Assert.True(await second.TryAcquireAsync("trial:NCT2", default));
        var waiting = second.AcquireAsync("trial:NCT1", default);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await first.DisposeAsync();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await using var third = await Store.Locks.BeginAsync(default);
        Assert.False(await third.TryAcquireAsync("trial:NCT1", default));
    }

    private static StateCommit Commit(params TrialState[] trials)
    {
        var commit = new StateCommit();
        commit.Trials.AddRange(trials);
        return commit;
    }

    private static TrialState Trial(string id, string hash, params ResourceState[] resources) =>
        new(id, TrialSyncStatus.Synced, hash, hash, id + ".json", null, null, When) { Resources = resources };

    private static ResourceState Resource(string trial, string type, string id, string version) =>
        new(type, id, trial, "urn:uuid:" + id, type + "?identifier=x|" + id, version, "2025-03-01T12:00:00Z", "hash-" + id);
}

public sealed class SqliteStateStoreTests : StateStoreContract
{
    private readonly TempFolder _temp = new("state");

    protected override Task<(ISyncStateStore, ISyncStateStore)> CreateAsync() =>
        Task.FromResult<(ISyncStateStore, ISyncStateStore)>((new SqliteSyncStateStore(_temp.File("state.db")), new SqliteSyncStateStore(_temp.File("state.db"))));

    protected override Task CleanUpAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class PostgresStateStoreTests : StateStoreContract, IPostgresTests
{
    private string? _schema;

    protected override async Task<(ISyncStateStore, ISyncStateStore)> CreateAsync()
    {
        var (connectionString, schema) = await PostgresDatabase.CreateSchemaAsync();
        _schema = schema;
        return (new PostgresSyncStateStore(connectionString), new PostgresSyncStateStore(connectionString));
    }

    protected override Task CleanUpAsync() => _schema is null ? Task.CompletedTask : PostgresDatabase.DropSchemaAsync(_schema);
}
