using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Export;

/// <summary>Bulk Data export: kick-off, status polling, manifest, NDJSON files, <c>_type</c>, <c>_since</c>, cancellation.</summary>
public abstract class ExportTests : ServerTests
{
    protected ExportTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task TypeExport_KickOffPollDownload_ReturnsEveryCurrentResource()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await CreateAsync($$"""{"resourceType":"Questionnaire","status":"active","title":"Q{{i}}"}"""));
        }

        using (await Client.DeleteAsync($"Questionnaire/{ids[2]}"))
        {
        }

        var manifest = await ExportAsync("Questionnaire/$export");

        var output = Assert.Single(manifest["output"]!.AsArray());
        Assert.Equal("Questionnaire", output!["type"]!.GetValue<string>());
        Assert.Equal(2, output["count"]!.GetValue<int>());
        Assert.False(manifest["requiresAccessToken"]!.GetValue<bool>());
        Assert.EndsWith("Questionnaire/$export", manifest["request"]!.GetValue<string>(), StringComparison.Ordinal);
        using var file = await Client.SendAsync(HttpMethod.Get, output["url"]!.GetValue<string>(), null, ("Accept", "application/fhir+ndjson"));
        Assert.Equal("application/fhir+ndjson", file.Content.Headers.ContentType!.MediaType);
        var lines = (await file.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ids.Take(2).Order(), lines.Select(l => JsonNode.Parse(l)!["id"]!.GetValue<string>()).Order());
    }

    [StoreFact]
    public async Task SystemExport_TypeAndSince_Filter()
    {
        await CreateAsync("""{"resourceType":"Substance","code":{"text":"old"}}""");
        Server.Clock.Advance(TimeSpan.FromMinutes(5));
        var since = Uri.EscapeDataString(Server.Clock.GetUtcNow().AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        var fresh = await CreateAsync("""{"resourceType":"Substance","code":{"text":"new"}}""");
        await CreateAsync("""{"resourceType":"Basic","code":{"text":"other type"}}""");

        var manifest = await ExportAsync($"$export?_type=Substance&_since={since}");

        var output = Assert.Single(manifest["output"]!.AsArray());
        Assert.Equal("Substance", output!["type"]!.GetValue<string>());
        using var file = await Client.GetAsync(output["url"]!.GetValue<string>());
        Assert.Equal(fresh, JsonNode.Parse((await file.Content.ReadAsStringAsync()).Trim())!["id"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task KickOff_WithoutRespondAsync_Returns400()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "$export", null, ("Accept", "application/fhir+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
    }

    [StoreTheory]
    [InlineData("$export?_outputFormat=text/csv")]
    [InlineData("$export?_type=NotAType")]
    [InlineData("$export?_since=yesterday")]
    [InlineData("$export?_typeFilter=Patient%3Factive%3Dtrue")]
    public async Task KickOff_BadParameters_Return400(string url)
    {
        using var response = await Client.SendAsync(HttpMethod.Get, url, null, ("Accept", "application/fhir+json"), ("Prefer", "respond-async"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [StoreFact]
    public async Task Cancel_DeletesJob_ThenStatusIs404()
    {
        using var kickOff = await Client.SendAsync(HttpMethod.Get, "$export?_type=Organization", null, ("Accept", "application/fhir+json"), ("Prefer", "respond-async"));
        var status = kickOff.Content.Headers.ContentLocation!.ToString();

        using var cancel = await Client.DeleteAsync(status);
        using var after = await Client.GetAsync(status);
        using var again = await Client.DeleteAsync(status);

        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [StoreFact]
    public async Task UnknownFile_Returns404()
    {
        var manifest = await ExportAsync("$export?_type=Organization");
        var url = Server.BaseUrl + "/$export-file/" + manifest["output"]!.AsArray().Select(o => o!["url"]!.GetValue<string>().Split('/')[^2]).FirstOrDefault("x") + "/..%2F..%2Fetc%2Fpasswd";

        using var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<JsonObject> ExportAsync(string url)
    {
        using var kickOff = await Client.SendAsync(HttpMethod.Get, url, null, ("Accept", "application/fhir+json"), ("Prefer", "respond-async"));
        Assert.Equal(HttpStatusCode.Accepted, kickOff.StatusCode);
        var status = kickOff.Content.Headers.ContentLocation!.ToString();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var poll = await Client.GetAsync(status);
            if (poll.StatusCode == HttpStatusCode.OK)
            {
                Assert.NotNull(poll.Content.Headers.Expires);
                return JsonNode.Parse(await poll.Content.ReadAsStringAsync())!.AsObject();
            }

            Assert.Equal(HttpStatusCode.Accepted, poll.StatusCode);
            Assert.True(poll.Headers.Contains("X-Progress"));
            await Task.Delay(50);
        }

        throw new TimeoutException("the export did not finish");
    }
}

public sealed class SqliteExportTests(SqliteServerFixture server) : ExportTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresExportTests(PostgresServerFixture server) : ExportTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
