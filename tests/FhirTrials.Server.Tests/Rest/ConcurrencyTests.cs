using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Rest;

/// <summary>
/// Writers racing for the same resource or the same conditional criteria: the outcome is the one a
/// serial order of the requests would give, on SQLite (one writer at a time) and on PostgreSQL (row and
/// advisory locks).
/// </summary>
public abstract class ConcurrencyTests : ServerTests
{
    private const int Writers = 8;

    protected ConcurrencyTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Update_ConcurrentPutsCreatingOneId_OneCreatesOthersUpdate()
    {
        var id = "race-" + Scope;

        var statuses = await RaceAsync(i => Client.SendAsync(HttpMethod.Put, $"Organization/{id}", Tagged($$"""{"resourceType":"Organization","id":"{{id}}","name":"writer {{i}}"}""").ToJsonString()));
        using var read = await Client.GetAsync($"Organization/{id}");
        var history = await Client.SearchAsync($"Organization/{id}/_history");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Writers.ToString(System.Globalization.CultureInfo.InvariantCulture), (await read.JsonAsync())["meta"]!["versionId"]!.GetValue<string>());
        Assert.Equal(Writers, history["entry"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task Update_ConcurrentIfMatchOnOneVersion_ExactlyOneWins()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"base"}""");

        var statuses = await RaceAsync(i => Client.SendAsync(HttpMethod.Put, $"Organization/{id}", Tagged($$"""{"resourceType":"Organization","id":"{{id}}","name":"writer {{i}}"}""").ToJsonString(), ("If-Match", "W/\"1\"")));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
    }

    [StoreFact]
    public async Task Create_ConcurrentIfNoneExist_CreatesExactlyOne()
    {
        var body = Tagged($$"""{"resourceType":"Organization","identifier":[{"system":"urn:race","value":"{{Scope}}"}],"name":"once"}""").ToJsonString();

        var statuses = await RaceAsync(_ => Client.SendAsync(HttpMethod.Post, "Organization", body, ("If-None-Exist", $"identifier=urn:race|{Scope}")));

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Single(await FindAsync("Organization"));
    }

    [StoreFact]
    public async Task Update_ConcurrentConditionalPuts_OneResourceWithEveryVersion()
    {
        var statuses = await RaceAsync(i => Client.SendAsync(HttpMethod.Put, $"Organization?identifier=urn:race|{Scope}", Tagged($$"""{"resourceType":"Organization","identifier":[{"system":"urn:race","value":"{{Scope}}"}],"name":"writer {{i}}"}""").ToJsonString()));
        var found = await FindAsync("Organization");
        var history = await Client.SearchAsync($"Organization/{Assert.Single(found)}/_history");

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(Writers - 1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(Writers, history["entry"]!.AsArray().Count);
    }

    [StoreFact]
    public async Task Transaction_ConcurrentConditionalCreates_CreateExactlyOne()
    {
        var organization = Tagged($$"""{"resourceType":"Organization","identifier":[{"system":"urn:race","value":"{{Scope}}"}],"name":"sponsor"}""");
        var request = new JsonObject { ["method"] = "POST", ["url"] = "Organization", ["ifNoneExist"] = $"identifier=urn:race|{Scope}" };
        var entry = new JsonObject { ["fullUrl"] = "urn:uuid:6f0c1c1e-2d5b-4d8e-9a3e-000000000001", ["resource"] = organization, ["request"] = request };
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "transaction", ["entry"] = new JsonArray(entry) }.ToJsonString();

        var statuses = await RaceAsync(_ => Client.SendAsync(HttpMethod.Post, string.Empty, bundle));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(await FindAsync("Organization"));
    }

    /// <summary>Starts <see cref="Writers"/> requests at once and returns their statuses.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Writers).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await send(i);
            return response.StatusCode;
        }).ToArray();
        start.Release(Writers);
        return await Task.WhenAll(tasks);
    }
}

public sealed class SqliteConcurrencyTests(SqliteServerFixture server) : ConcurrencyTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresConcurrencyTests(PostgresServerFixture server) : ConcurrencyTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
