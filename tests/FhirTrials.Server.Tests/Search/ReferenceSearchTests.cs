using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Reference parameters: by id, Type/id, absolute URL, <c>:Type</c>, <c>:identifier</c>, <c>:missing</c>; chains (one and two levels) and <c>_has</c>.</summary>
public abstract class ReferenceSearchTests : ServerTests
{
    protected ReferenceSearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("ResearchStudy?sponsor={alpha}", "main")]
    [InlineData("ResearchStudy?sponsor=Organization/{alpha}", "main")]
    [InlineData("ResearchStudy?sponsor:Organization={alpha}", "main")]
    [InlineData("ResearchStudy?sponsor=Organization/{beta}", "second")]
    [InlineData("ResearchStudy?sponsor=Location/{alpha}", "")]
    [InlineData("ResearchStudy?sponsor=http://other.example/fhir/Organization/77", "external")]
    [InlineData("ResearchStudy?sponsor=77", "")]
    [InlineData("ResearchStudy?sponsor:identifier=urn:org|GAMMA", "logical")]
    [InlineData("ResearchStudy?sponsor:missing=true", "logical,orphan")]
    [InlineData("ResearchStudy?site={site}&enrollment=Group/{group}&protocol={protocol}", "main")]
    [InlineData("ResearchStudy?sponsor.name=alpha", "main")]
    [InlineData("ResearchStudy?sponsor:Organization.name=BETA", "second")]
    [InlineData("ResearchStudy?sponsor.identifier=urn:org|ALPHA", "main")]
    [InlineData("ResearchStudy?site.address-city=berlin", "main")]
    [InlineData("ResearchStudy?site.organization.name=alpha", "main")]
    [InlineData("ResearchStudy?site.organization.name=beta", "")]
    [InlineData("Organization?_has:ResearchStudy:sponsor:status=active", "alpha")]
    [InlineData("Organization?_has:ResearchStudy:sponsor:title=sec", "beta")]
    [InlineData("Organization?_has:Location:organization:_has:ResearchStudy:site:status=active", "alpha")]
    [InlineData("Location?organization.name=alpha", "site")]
    public async Task Reference_Searches_MatchPerSpec(string query, string expected)
    {
        var graph = await TrialGraph.CreateAsync(CreateAsync);
        var names = graph.Names();
        foreach (var (name, id) in names)
        {
            query = query.Replace("{" + name + "}", id, StringComparison.Ordinal);
        }

        var found = await FindAsync(query);

        Assert.Equal(StringSearchTests.Expected(names, expected), found.Order().ToList());
    }

    [StoreFact]
    public async Task UnknownChainedParameter_LenientIgnoresStrictRejects()
    {
        await TrialGraph.CreateAsync(CreateAsync);

        var lenient = await Client.SearchAsync(Scoped("ResearchStudy?sponsor.nosuch=x"));
        using var strict = await Client.SendAsync(HttpMethod.Get, Scoped("ResearchStudy?sponsor.nosuch=x"), null, ("Prefer", "handling=strict"));

        Assert.Equal(5, lenient.Ids().Count);
        var outcome = Assert.Single(lenient["entry"]!.AsArray(), e => e!["search"]!["mode"]!.GetValue<string>() == "outcome");
        Assert.Contains("nosuch", outcome!["resource"]!["issue"]![0]!["diagnostics"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, strict.StatusCode);
    }
}

public sealed class SqliteReferenceSearchTests(SqliteServerFixture server) : ReferenceSearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresReferenceSearchTests(PostgresServerFixture server) : ReferenceSearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
