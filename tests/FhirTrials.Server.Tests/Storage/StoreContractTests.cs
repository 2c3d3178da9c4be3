using System.Text;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Search;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Storage;

/// <summary>The storage abstraction itself, the same for SQLite and PostgreSQL: schema migrations, versions, history, transactions, concurrency.</summary>
public abstract class StoreContractTests : ServerTests
{
    private static readonly SearchIndexer Indexer = new(SearchParameterRegistry.Default);

    protected StoreContractTests(ServerFixture server)
        : base(server)
    {
    }

    private IFhirStore Store => Server.Store;

    [StoreFact]
    public async Task Migrate_AgainOnCurrentSchema_IsANoOp()
    {
        var before = await Server.TableNamesAsync();

        var version = await Store.MigrateAsync(CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal(before, await Server.TableNamesAsync());
        Assert.Contains("schema_version", before);
    }

    [StoreFact]
    public async Task Write_Versions_ReadCurrentVersionAndHistory()
    {
        var id = "s-" + Scope;
        await WriteAsync(id, 1, "first");
        await WriteAsync(id, 2, "second");

        var current = await Store.ReadAsync("Organization", id, CancellationToken.None);
        var first = await Store.ReadVersionAsync("Organization", id, 1, CancellationToken.None);
        var history = await Store.ReadHistoryAsync(new HistoryQuery("Organization", id, null, 10), CancellationToken.None);

        Assert.Equal(2, current!.VersionId);
        Assert.Contains("second", Encoding.UTF8.GetString(current.Json.Span), StringComparison.Ordinal);
        Assert.Contains("first", Encoding.UTF8.GetString(first!.Json.Span), StringComparison.Ordinal);
        Assert.Equal([2L, 1L], history.Select(h => h.VersionId));
        Assert.Equal(["PUT", "POST"], history.Select(h => h.Method));
    }

    [StoreFact]
    public async Task Transaction_DisposedWithoutCommit_RollsBack()
    {
        var id = "r-" + Scope;
        await using (var transaction = await Store.BeginAsync(CancellationToken.None))
        {
            await transaction.WriteAsync(null, Write(id, 1, "never"), CancellationToken.None);
        }

        Assert.Null(await Store.ReadAsync("Organization", id, CancellationToken.None));
    }

    [StoreFact]
    public async Task Write_StaleCurrentVersion_ThrowsConflict()
    {
        var id = "c-" + Scope;
        await WriteAsync(id, 1, "base");
        var stale = await Store.ReadAsync("Organization", id, CancellationToken.None);
        await WriteAsync(id, 2, "winner");

        await using var transaction = await Store.BeginAsync(CancellationToken.None);
        await Assert.ThrowsAsync<StoreConflictException>(() => transaction.WriteAsync(stale, Write(id, 2, "loser"), CancellationToken.None));
    }

    [StoreFact]
    public async Task Create_SameIdTwice_ThrowsConflict()
    {
        var id = "d-" + Scope;
        await WriteAsync(id, 1, "one");

        await using var transaction = await Store.BeginAsync(CancellationToken.None);
        await Assert.ThrowsAsync<StoreConflictException>(() => transaction.WriteAsync(null, Write(id, 1, "two"), CancellationToken.None));
    }

    [StoreFact]
    public async Task Delete_DropsIndexRows_KeepsVersions()
    {
        var id = "x-" + Scope;
        await WriteAsync(id, 1, "searchable" + Scope);
        var current = await Store.ReadAsync("Organization", id, CancellationToken.None);
        await using (var transaction = await Store.BeginAsync(CancellationToken.None))
        {
            await transaction.DeleteAsync(current!, DateTimeOffset.UtcNow, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        var parser = new SearchQueryParser(SearchParameterRegistry.Default, new SearchOptions(), TimeProvider.System);
        var found = await Store.SearchAsync(parser.Parse("Organization", [new("name", "searchable" + Scope)], SearchHandling.Strict), 10, CancellationToken.None);
        var deleted = await Store.ReadAsync("Organization", id, CancellationToken.None);

        Assert.Empty(found);
        Assert.True(deleted!.Deleted);
        Assert.Equal(2, deleted.VersionId);
        Assert.NotNull(await Store.ReadVersionAsync("Organization", id, 1, CancellationToken.None));
    }

    [StoreFact]
    public async Task Export_ReturnsCurrentResourcesChangedInWindow_OldestFirst()
    {
        var type = "Substance";
        var t0 = DateTimeOffset.UtcNow.AddHours(-3);
        await WriteAsync("e1-" + Scope, 1, "a", type, t0);
        await WriteAsync("e2-" + Scope, 1, "b", type, t0.AddHours(1));
        await WriteAsync("e3-" + Scope, 1, "c", type, t0.AddHours(2));

        var exported = new List<string>();
        await foreach (var resource in Store.ExportAsync(type, t0.AddMinutes(30), t0.AddHours(2), CancellationToken.None))
        {
            if (resource.Id.EndsWith(Scope, StringComparison.Ordinal))
            {
                exported.Add(resource.Id);
            }
        }

        Assert.Equal(["e2-" + Scope, "e3-" + Scope], exported);
    }

    [StoreFact]
    public async Task ReadByKeys_SkipsMissingAndDeleted()
    {
        await WriteAsync("k1-" + Scope, 1, "a");
        await WriteAsync("k2-" + Scope, 1, "b");

        var found = await Store.ReadByKeysAsync([new("Organization", "k1-" + Scope), new("Organization", "k2-" + Scope), new("Organization", "missing"), new("Location", "k1-" + Scope)], CancellationToken.None);

        Assert.Equal(["k1-" + Scope, "k2-" + Scope], found.Select(f => f.Id).Order());
    }

    [StoreFact]
    public async Task ConcurrentWriters_AllCommit()
    {
        var tasks = Enumerable.Range(0, 16).Select(i => WriteAsync($"p{i}-{Scope}", 1, "parallel"));

        await Task.WhenAll(tasks);

        var found = await Store.ReadByKeysAsync([.. Enumerable.Range(0, 16).Select(i => new ResourceKey("Organization", $"p{i}-{Scope}"))], CancellationToken.None);
        Assert.Equal(16, found.Count);
    }

    private async Task WriteAsync(string id, long version, string name, string type = "Organization", DateTimeOffset? when = null)
    {
        await using var transaction = await Store.BeginAsync(CancellationToken.None);
        var current = await transaction.ReadForUpdateAsync(type, id, CancellationToken.None);
        await transaction.WriteAsync(current, Write(id, version, name, type, when), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private static ResourceWrite Write(string id, long version, string name, string type = "Organization", DateTimeOffset? when = null)
    {
        var json = type == "Organization"
            ? $$"""{"resourceType":"Organization","id":"{{id}}","name":"{{name}}"}"""
            : $$$"""{"resourceType":"{{{type}}}","id":"{{{id}}}","code":{"text":"{{{name}}}"}}""";
        var bytes = Encoding.UTF8.GetBytes(json);
        var index = Indexer.Index(FhirJsonParser.ParseNode(bytes));
        return new ResourceWrite(type, id, version, DateTimeOffset.FromUnixTimeMilliseconds((when ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds()), version == 1 ? "POST" : "PUT", bytes, index);
    }
}

public sealed class SqliteStoreContractTests(SqliteServerFixture server) : StoreContractTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresStoreContractTests(PostgresServerFixture server) : StoreContractTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
