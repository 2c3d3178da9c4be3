using System.Net;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary><c>_include</c> (named, typed, wildcard, <c>:iterate</c>) and <c>_revinclude</c>: included resources come with <c>search.mode</c> include.</summary>
public abstract class IncludeTests : ServerTests
{
    protected IncludeTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:sponsor", "Organization/alpha")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:enrollment&_include=ResearchStudy:protocol&_include=ResearchStudy:site", "Group/group,PlanDefinition/protocol,Location/site")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:*", "Organization/alpha,Group/group,PlanDefinition/protocol,Location/site")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:sponsor:Organization", "Organization/alpha")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:sponsor:Location", "")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:site&_include:iterate=Location:organization", "Location/site,Organization/alpha")]
    [InlineData("ResearchStudy?_id={main}&_include=ResearchStudy:site", "Location/site")]
    [InlineData("ResearchStudy?_id={second}&_include=ResearchStudy:sponsor", "Organization/beta")]
    [InlineData("ResearchStudy?_id={external}&_include=ResearchStudy:sponsor", "")]
    [InlineData("Organization?_id={alpha}&_revinclude=ResearchStudy:sponsor", "ResearchStudy/main")]
    [InlineData("Organization?_id={alpha}&_revinclude=ResearchStudy:sponsor&_revinclude=Location:organization", "ResearchStudy/main,Location/site")]
    [InlineData("Group?_id={group}&_revinclude=ResearchStudy:enrollment", "ResearchStudy/main")]
    public async Task Includes_AddReferencedResources(string query, string expected)
    {
        var graph = await TrialGraph.CreateAsync(CreateAsync);
        var names = graph.Names();
        foreach (var (name, id) in names)
        {
            query = query.Replace("{" + name + "}", id, StringComparison.Ordinal);
        }

        var bundle = await Client.SearchAsync(Scoped(query));

        Assert.Single(bundle.Ids());
        var wanted = expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('/')).Select(p => p[0] + "/" + names[p[1]]).Order();
        Assert.Equal(wanted, bundle.Keys("include").Order());
    }

    [StoreFact]
    public async Task Include_DeletedTarget_IsLeftOut()
    {
        var graph = await TrialGraph.CreateAsync(CreateAsync);
        using var delete = await Client.DeleteAsync($"Organization/{graph.Alpha}");

        var bundle = await Client.SearchAsync(Scoped($"ResearchStudy?_id={graph.Main}&_include=ResearchStudy:sponsor"));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Empty(bundle.Keys("include"));
    }

    [StoreFact]
    public async Task Include_NotAReferenceParameter_IsReportedAndIgnored()
    {
        var graph = await TrialGraph.CreateAsync(CreateAsync);

        var bundle = await Client.SearchAsync(Scoped($"ResearchStudy?_id={graph.Main}&_include=ResearchStudy:title"));
        using var strict = await Client.SendAsync(HttpMethod.Get, $"ResearchStudy?_id={graph.Main}&_include=ResearchStudy:title", null, ("Prefer", "handling=strict"));

        Assert.Empty(bundle.Keys("include"));
        Assert.Contains("not a reference parameter", bundle.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
    }
}

public sealed class SqliteIncludeTests(SqliteServerFixture server) : IncludeTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresIncludeTests(PostgresServerFixture server) : IncludeTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
