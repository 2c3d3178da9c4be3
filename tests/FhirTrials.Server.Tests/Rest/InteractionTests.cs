using System.Net;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Rest;

/// <summary>Read, vread, create, update and delete over HTTP, per the R4 http page.</summary>
public abstract class InteractionTests : ServerTests
{
    protected InteractionTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Create_ServerAssignsIdAndVersion_Returns201WithLocationAndETag()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", Tagged("""{"resourceType":"Organization","id":"client-id","name":"Acme"}""").ToJsonString());
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = body.Id();
        Assert.NotEqual("client-id", id);
        Assert.Equal("1", body["meta"]!["versionId"]!.GetValue<string>());
        Assert.Equal($"{Server.BaseUrl}/Organization/{id}/_history/1", response.Headers.Location!.ToString());
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.StartsWith("application/fhir+json", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Read_Existing_ReturnsResourceWithETagAndLastModified()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"Read me"}""");

        using var response = await Client.GetAsync($"Organization/{id}");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Read me", body["name"]!.GetValue<string>());
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal(DateTimeOffset.Parse(body["meta"]!["lastUpdated"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds(), response.Content.Headers.LastModified!.Value.ToUnixTimeSeconds());
    }

    [StoreFact]
    public async Task Read_IfNoneMatchCurrentVersion_Returns304()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"Cached"}""");

        using var same = await Client.SendAsync(HttpMethod.Get, $"Organization/{id}", null, ("If-None-Match", "W/\"1\""));
        using var other = await Client.SendAsync(HttpMethod.Get, $"Organization/{id}", null, ("If-None-Match", "W/\"7\""));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [StoreFact]
    public async Task Read_Unknown_Returns404OperationOutcome()
    {
        using var response = await Client.GetAsync("Organization/does-not-exist");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
        Assert.Equal("not-found", body["issue"]![0]!["code"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task Update_Existing_CreatesNextVersionAndKeepsOldForVread()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"First"}""");
        var update = Tagged($$"""{"resourceType":"Organization","id":"{{id}}","name":"Second"}""");

        using var response = await Client.SendAsync(HttpMethod.Put, $"Organization/{id}", update.ToJsonString());
        using var v1 = await Client.GetAsync($"Organization/{id}/_history/1");
        using var v2 = await Client.GetAsync($"Organization/{id}/_history/2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"2\"", response.Headers.ETag!.ToString());
        Assert.Equal("First", (await v1.JsonAsync())["name"]!.GetValue<string>());
        Assert.Equal("Second", (await v2.JsonAsync())["name"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task Update_SameContent_KeepsVersion()
    {
        var created = await Client.CreateAsync(Tagged("""{"resourceType":"Organization","name":"Stable"}"""));
        created.Remove("meta");
        var again = Tag(created);

        using var response = await Client.SendAsync(HttpMethod.Put, $"Organization/{created.Id()}", again.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("W/\"1\"", response.Headers.ETag!.ToString());
    }

    [StoreFact]
    public async Task Update_UnknownId_CreatesWithClientId()
    {
        var id = "client-" + Scope;

        using var response = await Client.SendAsync(HttpMethod.Put, $"Organization/{id}", Tagged($$"""{"resourceType":"Organization","id":"{{id}}","name":"New"}""").ToJsonString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(id, (await response.JsonAsync()).Id());
    }

    [StoreTheory]
    [InlineData("""{"resourceType":"Organization","name":"No id"}""", "has no id")]
    [InlineData("""{"resourceType":"Organization","id":"other","name":"Wrong id"}""", "differs")]
    public async Task Update_IdMissingOrDifferent_Returns400(string json, string message)
    {
        using var response = await Client.SendAsync(HttpMethod.Put, "Organization/expected", json);
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, body["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Update_IfMatch_StaleVersionIs412AndCurrentSucceeds()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"v1"}""");
        var json = Tagged($$"""{"resourceType":"Organization","id":"{{id}}","name":"v2"}""").ToJsonString();

        using var stale = await Client.SendAsync(HttpMethod.Put, $"Organization/{id}", json, ("If-Match", "W/\"5\""));
        using var current = await Client.SendAsync(HttpMethod.Put, $"Organization/{id}", json, ("If-Match", "W/\"1\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [StoreFact]
    public async Task Delete_ThenRead_Is410AndHistoryKeepsAllVersions()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"Doomed"}""");

        using var delete = await Client.DeleteAsync($"Organization/{id}");
        using var read = await Client.GetAsync($"Organization/{id}");
        using var vread = await Client.GetAsync($"Organization/{id}/_history/1");
        var history = await Client.SearchAsync($"Organization/{id}/_history");
        using var again = await Client.DeleteAsync($"Organization/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, vread.StatusCode);
        Assert.Equal("history", history["type"]!.GetValue<string>());
        var entries = history["entry"]!.AsArray();
        Assert.Equal(2, entries.Count);
        Assert.Equal("DELETE", entries[0]!["request"]!["method"]!.GetValue<string>());
        Assert.Null(entries[0]!["resource"]);
        Assert.Equal("POST", entries[1]!["request"]!["method"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Empty(await FindAsync("Organization?_id=" + id));
    }

    [StoreFact]
    public async Task Delete_IfMatchStale_Returns412AndKeepsResource()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"Kept"}""");

        using var response = await Client.SendAsync(HttpMethod.Delete, $"Organization/{id}", null, ("If-Match", "W/\"2\""));
        using var read = await Client.GetAsync($"Organization/{id}");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [StoreFact]
    public async Task ConditionalCreate_NoneOneSeveral_CreatesReturnsExistingOr412()
    {
        var identifier = $"urn:test:{Scope}|org-1";
        var json = Tagged($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"org-1"}],"name":"Once"}""").ToJsonString();

        using var first = await Client.SendAsync(HttpMethod.Post, "Organization", json, ("If-None-Exist", "identifier=" + identifier));
        using var second = await Client.SendAsync(HttpMethod.Post, "Organization", json, ("If-None-Exist", "identifier=" + identifier));
        await CreateAsync($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"org-1"}],"name":"Twin"}""");
        using var third = await Client.SendAsync(HttpMethod.Post, "Organization", json, ("If-None-Exist", "identifier=" + identifier));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).Id(), (await second.JsonAsync()).Id());
        Assert.Equal(HttpStatusCode.PreconditionFailed, third.StatusCode);
    }

    [StoreFact]
    public async Task ConditionalUpdate_ByIdentifier_CreatesThenUpdatesThen412OnSeveral()
    {
        var url = $"ResearchStudy?identifier=urn:test:{Scope}|NCT1";
        string Study(string title) => Tagged($$"""{"resourceType":"ResearchStudy","status":"active","title":"{{title}}","identifier":[{"system":"urn:test:{{Scope}}","value":"NCT1"}]}""").ToJsonString();

        using var created = await Client.SendAsync(HttpMethod.Put, url, Study("one"));
        using var updated = await Client.SendAsync(HttpMethod.Put, url, Study("two"));
        await CreateAsync($$"""{"resourceType":"ResearchStudy","status":"active","identifier":[{"system":"urn:test:{{Scope}}","value":"NCT1"}]}""");
        using var ambiguous = await Client.SendAsync(HttpMethod.Put, url, Study("three"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var body = await updated.JsonAsync();
        Assert.Equal((await created.JsonAsync()).Id(), body.Id());
        Assert.Equal("2", body["meta"]!["versionId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.PreconditionFailed, ambiguous.StatusCode);
    }

    [StoreFact]
    public async Task ConditionalDelete_OneMatch_DeletesIt()
    {
        var id = await CreateAsync($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"x"}]}""");

        using var response = await Client.DeleteAsync($"Organization?identifier=urn:test:{Scope}|x");
        using var read = await Client.GetAsync($"Organization/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
    }

    [StoreTheory]
    [InlineData("minimal", false, false)]
    [InlineData("representation", true, false)]
    [InlineData("OperationOutcome", false, true)]
    public async Task Create_PreferReturn_ShapesBody(string prefer, bool resource, bool outcome)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", Tagged("""{"resourceType":"Organization","name":"Prefer"}""").ToJsonString(), ("Prefer", "return=" + prefer));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        Assert.Equal(resource, text.Contains("\"resourceType\":\"Organization\"", StringComparison.Ordinal));
        Assert.Equal(outcome, text.Contains("\"resourceType\":\"OperationOutcome\"", StringComparison.Ordinal));
        Assert.Equal(!resource && !outcome, text.Length == 0);
    }

    [StoreFact]
    public async Task Create_UnknownElement_Returns422WithLocation()
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", """{"resourceType":"Organization","nmae":"typo"}""");
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("nmae", body.ToJsonString(), StringComparison.Ordinal);
    }

    [StoreTheory]
    [InlineData("""{"resourceType":"Organization","name":""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Patient","gender":"male"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"NoSuchType"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Organization","active":"yes"}""", HttpStatusCode.UnprocessableEntity)]
    public async Task Create_BadBody_RejectedWithOperationOutcome(string json, HttpStatusCode expected)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", json);
        var body = await response.JsonAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task TypeHistory_ListsVersionsNewestFirst()
    {
        var id = await CreateAsync("""{"resourceType":"Location","name":"H1"}""");
        await Client.SendAsync(HttpMethod.Put, $"Location/{id}", Tagged($$"""{"resourceType":"Location","id":"{{id}}","name":"H2"}""").ToJsonString());

        var history = await Client.SearchAsync("Location/_history?_count=50");
        var mine = history["entry"]!.AsArray().Where(e => e!["resource"]?["id"]?.GetValue<string>() == id).ToList();

        Assert.Equal(2, mine.Count);
        Assert.Equal("2", mine[0]!["resource"]!["meta"]!["versionId"]!.GetValue<string>());
    }
}

public sealed class SqliteInteractionTests(SqliteServerFixture server) : InteractionTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresInteractionTests(PostgresServerFixture server) : InteractionTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
