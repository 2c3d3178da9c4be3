using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Server.Transactions;
using Microsoft.Extensions.DependencyInjection;

namespace FhirTrials.Server.Tests.Transactions;

/// <summary>Transaction and batch Bundles: atomicity, urn:uuid rewriting, processing order, conditional entries and references, limits, and the in-process API.</summary>
public abstract class TransactionTests : ServerTests
{
    protected TransactionTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Transaction_UrnUuidReferences_RewrittenToAssignedIds()
    {
        var bundle = Bundle("transaction",
            Entry("POST", "Group", Tagged("""{"resourceType":"Group","type":"person","actual":false}"""), "urn:uuid:6f1c1f4e-0000-4000-8000-000000000001"),
            Entry("POST", "ResearchStudy", Tagged("""{"resourceType":"ResearchStudy","status":"active","enrollment":[{"reference":"urn:uuid:6f1c1f4e-0000-4000-8000-000000000001"}]}"""), "urn:uuid:6f1c1f4e-0000-4000-8000-000000000002"));

        var response = await PostBundleAsync(bundle);

        var entries = response["entry"]!.AsArray();
        Assert.Equal("transaction-response", response["type"]!.GetValue<string>());
        Assert.All(entries, e => Assert.StartsWith("201", e!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal));
        var groupId = entries[0]!["response"]!["location"]!.GetValue<string>().Split('/')[1];
        var studyId = entries[1]!["response"]!["location"]!.GetValue<string>().Split('/')[1];
        using var read = await Client.GetAsync($"ResearchStudy/{studyId}");
        Assert.Equal($"Group/{groupId}", (await read.JsonAsync())["enrollment"]![0]!["reference"]!.GetValue<string>());
        Assert.Equal([studyId], await FindAsync($"ResearchStudy?enrollment=Group/{groupId}"));
    }

    [StoreFact]
    public async Task Transaction_OneEntryFails_NothingIsWritten()
    {
        var existing = await CreateAsync("""{"resourceType":"Organization","name":"Before"}""");
        var bundle = Bundle("transaction",
            Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","name":"New"}""")),
            Entry("PUT", $"Organization/{existing}", Tagged($$"""{"resourceType":"Organization","id":"{{existing}}","name":"Changed"}""")),
            Entry("DELETE", $"Organization/{existing}", null),
            Entry("PUT", $"Organization/{existing}", Tagged($$"""{"resourceType":"Organization","id":"{{existing}}","name":"Again"}"""), ifMatch: "W/\"9\""));

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString());
        var body = await response.JsonAsync();
        using var read = await Client.GetAsync($"Organization/{existing}");

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
        Assert.Contains("entry 3", body["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([existing], await FindAsync("Organization"));
        Assert.Equal("Before", (await read.JsonAsync())["name"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task Transaction_InvalidResource_422NamesTheEntryAndWritesNothing()
    {
        var bundle = Bundle("transaction",
            Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","name":"Good"}""")),
            Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","active":"maybe"}""")));

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString());
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Bundle.entry[1]", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await FindAsync("Organization"));
    }

    [StoreFact]
    public async Task Transaction_ProcessesDeleteThenPostThenPutThenGet()
    {
        var doomed = await CreateAsync($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"same"}],"name":"Old"}""");
        var bundle = Bundle("transaction",
            Entry("GET", Scoped("Organization"), null),
            Entry("PUT", $"Organization/put-{Scope}", Tagged($$"""{"resourceType":"Organization","id":"put-{{Scope}}","name":"Put"}""")),
            Entry("POST", "Organization", Tagged($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"same"}],"name":"New"}"""), ifNoneExist: $"identifier=urn:test:{Scope}|same"),
            Entry("DELETE", $"Organization/{doomed}", null));

        var response = await PostBundleAsync(bundle);
        var entries = response["entry"]!.AsArray();

        Assert.StartsWith("201", entries[2]!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("201", entries[1]!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("204", entries[3]!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal);
        var searchset = entries[0]!["resource"]!.AsObject();
        Assert.Equal("searchset", searchset["type"]!.GetValue<string>());
        Assert.Equal(2, searchset.Ids().Count);
        Assert.DoesNotContain(doomed, searchset.Ids());
    }

    [StoreFact]
    public async Task Transaction_ConditionalReference_ResolvesToTheOneMatch()
    {
        var sponsor = await CreateAsync($$"""{"resourceType":"Organization","identifier":[{"system":"urn:test:{{Scope}}","value":"sponsor"}]}""");
        var bundle = Bundle("transaction",
            Entry("POST", "ResearchStudy", Tagged($$$"""{"resourceType":"ResearchStudy","status":"active","sponsor":{"reference":"Organization?identifier=urn:test:{{{Scope}}}|sponsor"}}""")));

        var response = await PostBundleAsync(bundle);
        var studyId = response["entry"]![0]!["response"]!["location"]!.GetValue<string>().Split('/')[1];

        Assert.Equal([studyId], await FindAsync($"ResearchStudy?sponsor=Organization/{sponsor}"));
    }

    [StoreFact]
    public async Task Transaction_ConditionalReferenceWithoutMatch_Fails412()
    {
        var bundle = Bundle("transaction",
            Entry("POST", "ResearchStudy", Tagged($$$"""{"resourceType":"ResearchStudy","status":"active","sponsor":{"reference":"Organization?identifier=urn:test:{{{Scope}}}|nobody"}}""")));

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Empty(await FindAsync("ResearchStudy"));
    }

    [StoreFact]
    public async Task Transaction_ConditionalUpdateByIdentifier_ThenSecondRunUpdates()
    {
        JsonObject Run(string title) => Bundle("transaction",
            Entry("PUT", $"ResearchStudy?identifier=urn:test:{Scope}|NCT9", Tagged($$"""{"resourceType":"ResearchStudy","status":"active","title":"{{title}}","identifier":[{"system":"urn:test:{{Scope}}","value":"NCT9"}]}""")));

        var first = await PostBundleAsync(Run("one"));
        var second = await PostBundleAsync(Run("two"));

        Assert.StartsWith("201", first["entry"]![0]!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("200", second["entry"]![0]!["response"]!["status"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(await FindAsync("ResearchStudy"));
        Assert.Equal("W/\"2\"", second["entry"]![0]!["response"]!["etag"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task Batch_EntriesSucceedOrFailOnTheirOwn()
    {
        var bundle = Bundle("batch",
            Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","name":"Fine"}""")),
            Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","active":"nope"}""")),
            Entry("GET", "Organization/does-not-exist", null),
            Entry("DELETE", "Organization/also-missing", null));

        var response = await PostBundleAsync(bundle);
        var statuses = response["entry"]!.AsArray().Select(e => e!["response"]!["status"]!.GetValue<string>()[..3]).ToArray();

        Assert.Equal("batch-response", response["type"]!.GetValue<string>());
        Assert.Equal(["201", "422", "404", "204"], statuses);
        Assert.NotNull(response["entry"]![1]!["response"]!["outcome"]);
        Assert.Single(await FindAsync("Organization"));
    }

    [StoreFact]
    public async Task Transaction_PreferRepresentation_ReturnsResources()
    {
        var bundle = Bundle("transaction", Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","name":"Shown"}""")));

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString(), ("Prefer", "return=representation"));
        var body = await response.JsonAsync();

        Assert.Equal("Shown", body["entry"]![0]!["resource"]!["name"]!.GetValue<string>());
        Assert.StartsWith(Server.BaseUrl + "/Organization/", body["entry"]![0]!["fullUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreTheory]
    [InlineData("""{"resourceType":"Bundle","type":"collection"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Organization"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Organization"}}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PATCH","url":"Organization/1"}}]}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"PUT","url":"Organization"},"resource":{"resourceType":"Organization"}}]}""", HttpStatusCode.BadRequest)]
    public async Task Transaction_Unusable_RejectedWithOperationOutcome(string json, HttpStatusCode expected)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, json);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task InProcessApi_TypedBundle_WritesAndReturnsTypedResponse()
    {
        var processor = Server.Services.GetRequiredService<IFhirTransactionProcessor>();
        var bundle = FhirJsonParser.Parse<Bundle>(Bundle("transaction",
            Entry("POST", "Location", Tagged("""{"resourceType":"Location","name":"In process"}"""), "urn:uuid:6f1c1f4e-0000-4000-8000-0000000000aa"),
            Entry("POST", "ResearchStudy", Tagged("""{"resourceType":"ResearchStudy","status":"active","site":[{"reference":"urn:uuid:6f1c1f4e-0000-4000-8000-0000000000aa"}]}"""))).ToJsonString());

        var response = await processor.ProcessAsync(bundle, CancellationToken.None);

        Assert.Equal(BundleType.TransactionResponse, response.Type);
        Assert.All(response.Entry, e => Assert.StartsWith("201", e.Response!.Status, StringComparison.Ordinal));
        var location = response.Entry[0].Response!.Location!.Split('/')[1];
        Assert.Single(await FindAsync($"ResearchStudy?site=Location/{location}"));
    }

    [StoreFact]
    public async Task InProcessApi_FailedTransaction_ThrowsWithStatus()
    {
        var processor = Server.Services.GetRequiredService<IFhirTransactionProcessor>();
        var bundle = FhirJsonParser.Parse<Bundle>(Bundle("transaction", Entry("DELETE", "Organization/x", null, ifMatch: "W/\"1\"")).ToJsonString());

        var error = await Assert.ThrowsAsync<FhirOperationException>(() => processor.ProcessAsync(bundle, CancellationToken.None));

        Assert.Equal(412, error.Status);
    }

    protected async Task<JsonObject> PostBundleAsync(JsonObject bundle)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString());
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body.ToJsonString()}");
        return body;
    }

    internal static JsonObject Bundle(string type, params JsonObject[] entries) =>
        new() { ["resourceType"] = "Bundle", ["type"] = type, ["entry"] = new JsonArray(entries) };

    internal static JsonObject Entry(string method, string url, JsonObject? resource, string? fullUrl = null, string? ifMatch = null, string? ifNoneExist = null)
    {
        var request = new JsonObject { ["method"] = method, ["url"] = url };
        if (ifMatch is not null)
        {
            request["ifMatch"] = ifMatch;
        }

        if (ifNoneExist is not null)
        {
            request["ifNoneExist"] = ifNoneExist;
        }

        var entry = new JsonObject();
        if (fullUrl is not null)
        {
            entry["fullUrl"] = fullUrl;
        }

        if (resource is not null)
        {
            entry["resource"] = resource;
        }

        entry["request"] = request;
        return entry;
    }
}

public sealed class SqliteTransactionTests(SqliteServerFixture server) : TransactionTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresTransactionTests(PostgresServerFixture server) : TransactionTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
