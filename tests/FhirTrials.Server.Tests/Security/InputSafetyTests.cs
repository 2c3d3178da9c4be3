using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Server.Tests.Transactions;

namespace FhirTrials.Server.Tests.Security;

/// <summary>
/// Hostile input: SQL injection strings, NUL and unusual Unicode in every kind of search parameter (and
/// as parameter names) behave exactly like a harmless unknown value and leave the schema and data
/// intact; oversized bodies and Bundles are refused with 413; every error is an OperationOutcome.
/// </summary>
public abstract class InputSafetyTests : ServerTests
{
    private static readonly string[] Payloads =
    [
        "' OR 1=1 --",
        "'; DROP TABLE resource; --",
        "\"; DROP TABLE resource_version; --",
        "1) OR (1=1",
        "x' UNION SELECT json FROM resource --",
        "%' OR '%'='",
        "\\'; DELETE FROM idx_token; --",
        "a\0b",
        "\0",
        "名前' OR 'x'='x",
        "ﷺ🧪\u202Eevil",
        "Robert'); DROP TABLE schema_version;--",
    ];

    // Every modifier kind, chain and _has that can reach SQL…
    private static readonly string[] Forms =
    [
        "title", "title:exact", "title:contains", "identifier", "condition", "condition:text", "status:not", "phase", "keyword",
        "date", "sponsor", "sponsor:Organization", "sponsor.name", "sponsor:identifier", "site.address-city", "_has:Group:member:_id",
        "_id", "_lastUpdated", "_tag", "_profile", "_sort", "_include", "_revinclude", "_count", "_summary", "_elements", "focus:missing",
    ];

    // …then every parameter the registry has for ResearchStudy.
    private static readonly string[] Parameters =
        [.. Forms.Union(FhirTrials.Server.Search.SearchParameterRegistry.Default.ForType("ResearchStudy").Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal)];

    protected InputSafetyTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Injection_InEverySearchParameter_BehavesLikeHarmlessValueAndSchemaSurvives()
    {
        var study = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Target","condition":[{"text":"x"}]}""");
        var before = await CountsAsync();
        var failures = new List<string>();

        foreach (var parameter in Parameters)
        {
            var harmless = await OutcomeAsync(Scoped($"ResearchStudy?{parameter}=zzzunknown"));
            foreach (var payload in Payloads)
            {
                var hostile = await OutcomeAsync(Scoped($"ResearchStudy?{parameter}={Uri.EscapeDataString(payload)}"));
                if (hostile != harmless)
                {
                    failures.Add($"{parameter}={payload}: {hostile} but harmless gives {harmless}");
                }
            }
        }

        foreach (var payload in Payloads)
        {
            var harmless = await OutcomeAsync(Scoped("ResearchStudy?zzzunknown=1"));
            var hostile = await OutcomeAsync(Scoped($"ResearchStudy?{Uri.EscapeDataString(payload)}=1"));
            if (hostile != harmless)
            {
                failures.Add($"name {payload}: {hostile} but harmless gives {harmless}");
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal("idx_date,idx_number,idx_quantity,idx_reference,idx_string,idx_token,idx_uri,resource,resource_version,schema_version", before.Tables);
        Assert.Equal([study], await FindAsync("ResearchStudy"));
    }

    [StoreFact]
    public async Task Injection_InPathsHeadersAndResources_IsHarmless()
    {
        var before = await CountsAsync();
        foreach (var payload in Payloads)
        {
            var escaped = Uri.EscapeDataString(payload);
            using var read = await Client.GetAsync($"ResearchStudy/{escaped}");
            using var type = await Client.GetAsync($"{escaped}/1");
            using var history = await Client.GetAsync($"ResearchStudy/{escaped}/_history/1");
            using var conditional = await Client.SendAsync(HttpMethod.Post, "Organization", Tagged("""{"resourceType":"Organization","name":"c"}""").ToJsonString(), ("If-None-Exist", "name=" + escaped));
            foreach (var response in new[] { read, type, history })
            {
                Assert.True((int)response.StatusCode is 400 or 404, $"{payload}: {(int)response.StatusCode}");
                var text = await response.Content.ReadAsStringAsync();

                // Kestrel itself refuses a NUL in the request target, before any middleware (400, no body).
                Assert.True(text.Contains("\"OperationOutcome\"", StringComparison.Ordinal) || (payload.Contains('\0', StringComparison.Ordinal) && text.Length == 0), $"{payload}: {text}");
            }

            Assert.Equal(HttpStatusCode.Created, conditional.StatusCode);
        }

        var stored = Tagged("{\"resourceType\":\"Organization\",\"name\":\"x\"}");
        stored["name"] = string.Join(" ", Payloads);
        var created = await Client.CreateAsync(stored);
        using var back = await Client.GetAsync($"Organization/{created.Id()}");

        Assert.Equal(stored["name"]!.GetValue<string>().Replace('\0', '\uFFFD'), (await back.JsonAsync())["name"]!.GetValue<string>().Replace('\0', '\uFFFD'));
        Assert.Equal(before.Tables, (await CountsAsync()).Tables);
    }

    [StoreFact]
    public async Task OversizedBody_Returns413()
    {
        var big = Tagged("""{"resourceType":"Organization"}""");
        big["name"] = new string('x', (int)SecuredSettings.BodyLimit + 1000);

        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", big.ToJsonString());
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "Organization") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big.ToJsonString()))) };
        chunked.Content.Headers.ContentType = new("application/fhir+json");
        chunked.Headers.TransferEncodingChunked = true;
        using var streamed = await Client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    [StoreFact]
    public async Task TooManyBundleEntries_Returns413AndWritesNothing()
    {
        var entries = Enumerable.Range(0, 6).Select(_ => TransactionTests.Entry("POST", "Organization", Tagged("""{"resourceType":"Organization","name":"n"}"""))).ToArray();

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, TransactionTests.Bundle("transaction", entries).ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await FindAsync("Organization"));
    }

    [StoreTheory]
    [InlineData("GET", "nowhere/at/all/here", null, null, HttpStatusCode.NotFound)]
    [InlineData("PATCH", "Organization/1", "application/fhir+json", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "Organization", "text/plain", null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "Organization", "application/fhir+xml", null, HttpStatusCode.UnsupportedMediaType)]
    [InlineData("GET", "Organization", null, "application/fhir+xml", HttpStatusCode.NotAcceptable)]
    [InlineData("GET", "Organization?_format=xml", null, null, HttpStatusCode.NotAcceptable)]
    [InlineData("GET", "Organization?_format=application/fhir%2Bjson", null, null, HttpStatusCode.OK)]
    [InlineData("GET", "Organization", null, "application/json", HttpStatusCode.OK)]
    [InlineData("GET", "UnknownType/1", null, null, HttpStatusCode.NotFound)]
    public async Task Errors_AreOperationOutcomes(string method, string url, string? contentType, string? accept, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (contentType is not null)
        {
            request.Content = new StringContent("""{"resourceType":"Organization"}""", Encoding.UTF8);
            request.Content.Headers.ContentType = new(contentType);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        using var response = await Client.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? "Bundle" : "OperationOutcome", body["resourceType"]!.GetValue<string>());
    }

    /// <summary>Status and matched ids of a search, for comparing hostile with harmless values.</summary>
    private async Task<string> OutcomeAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.JsonAsync();
        return (int)response.StatusCode + (response.StatusCode == HttpStatusCode.OK ? " [" + string.Join(",", body.Ids().Order()) + "]" : " " + body["resourceType"]);
    }

    private async Task<(long Resources, long Versions, string Tables)> CountsAsync()
    {
        var store = Server.Store;
        var resources = await store.CountAsync(new FhirTrials.Server.Search.SearchQuery(null), CancellationToken.None);
        var versions = (await store.ReadHistoryAsync(new HistoryQuery(null, null, null, 100_000), CancellationToken.None)).Count;
        var tables = string.Join(",", await Server.TableNamesAsync());
        return (resources, versions, tables);
    }
}

public sealed class SqliteInputSafetyTests(SecuredSqliteServerFixture server) : InputSafetyTests(server), IClassFixture<SecuredSqliteServerFixture>;

public sealed class PostgresInputSafetyTests(SecuredPostgresServerFixture server) : InputSafetyTests(server), IClassFixture<SecuredPostgresServerFixture>, IPostgresTests;
