using System.Net;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Unknown parameters per <c>Prefer: handling</c>, malformed values, unsupported modifiers, POST <c>_search</c>, searches across types.</summary>
public abstract class SearchHandlingTests : ServerTests
{
    protected SearchHandlingTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task UnknownParameter_Lenient_IgnoredReportedAndLeftOutOfSelf()
    {
        var id = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Lenient"}""");

        var bundle = await Client.SearchAsync(Scoped("ResearchStudy?foo=bar&title=len"), ("Prefer", "handling=lenient"));

        Assert.Equal([id], bundle.Ids());
        var outcome = Assert.Single(bundle["entry"]!.AsArray(), e => e!["search"]!["mode"]!.GetValue<string>() == "outcome");
        Assert.Equal("OperationOutcome", outcome!["resource"]!["resourceType"]!.GetValue<string>());
        Assert.DoesNotContain("foo", bundle.Link("self")!, StringComparison.Ordinal);
        Assert.Contains("title=len", bundle.Link("self")!, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task UnknownParameter_Strict_Returns400()
    {
        using var response = await Client.SendAsync(HttpMethod.Get, "ResearchStudy?foo=bar", null, ("Prefer", "handling=strict"));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("foo", body["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [StoreTheory]
    [InlineData("ResearchStudy?title:below=x")]
    [InlineData("ResearchStudy?date:exact=2020")]
    [InlineData("ResearchStudy?status:in=http://x")]
    [InlineData("ResearchStudy?_count=many")]
    [InlineData("ResearchStudy?_summary=maybe")]
    [InlineData("RiskAssessment?probability=abc")]
    [InlineData("Observation?value-quantity=5|only-system")]
    [InlineData("ResearchStudy?status:missing=perhaps")]
    [InlineData("NotAType?name=x")]
    public async Task MalformedOrUnsupported_Returns4xxOperationOutcome(string url)
    {
        using var response = await Client.GetAsync(url);
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("OperationOutcome", body["resourceType"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task PostSearch_FormEncoded_SameAsGet()
    {
        var id = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Posted"}""");
        using var form = new FormUrlEncodedContent([new("_tag", $"{TagSystem}|{Scope}"), new("title", "post")]);

        using var response = await Client.PostAsync("ResearchStudy/_search", form);
        var bundle = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([id], bundle.Ids());
    }

    [StoreFact]
    public async Task SystemSearch_ById_FindsAnyType()
    {
        var org = await CreateAsync("""{"resourceType":"Organization","name":"sys"}""");
        var location = await CreateAsync("""{"resourceType":"Location","name":"sys"}""");

        var bundle = await Client.SearchAsync(Scoped($"?_id={org},{location}"));

        Assert.Equal(new[] { "Location/" + location, "Organization/" + org }.Order(), bundle.Keys("match").Order());
    }
}

public sealed class SqliteSearchHandlingTests(SqliteServerFixture server) : SearchHandlingTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresSearchHandlingTests(PostgresServerFixture server) : SearchHandlingTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
