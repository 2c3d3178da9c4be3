using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Paging over a snapshot (self/first/previous/next/last links, stable while data changes, expiry), <c>_count</c>, <c>_summary=count</c>.</summary>
public abstract class PagingTests : ServerTests
{
    protected PagingTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Paging_FollowsNextLinks_EveryMatchOnceWithTotal()
    {
        var created = await CreateStudiesAsync(7);

        var first = await Client.SearchAsync(Scoped("ResearchStudy?_count=3&_sort=title"));
        var pages = new List<JsonObject> { first };
        while (pages[^1].Link("next") is { } next)
        {
            pages.Add(await Client.SearchAsync(next));
        }

        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal(7, p["total"]!.GetValue<int>()));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Ids().Count));
        Assert.Equal(created, pages.SelectMany(p => p.Ids()).ToList());
        Assert.Null(first.Link("previous"));
        Assert.NotNull(pages[1].Link("previous"));
        Assert.Equal(pages[0].Ids(), (await Client.SearchAsync(pages[1].Link("previous")!)).Ids());
        Assert.Equal(pages[2].Ids(), (await Client.SearchAsync(first.Link("last")!)).Ids());
        Assert.Contains("_count=3", first.Link("self")!, StringComparison.Ordinal);
    }

    [StoreFact]
    public async Task Paging_WritesBetweenPages_DoNotShiftPages()
    {
        var created = await CreateStudiesAsync(4);
        var first = await Client.SearchAsync(Scoped("ResearchStudy?_count=2&_sort=title"));

        await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"0 first of all"}""");
        using (await Client.DeleteAsync($"ResearchStudy/{created[0]}"))
        {
        }

        var second = await Client.SearchAsync(first.Link("next")!);

        Assert.Equal(created.Skip(2), second.Ids());
        Assert.Equal(4, second["total"]!.GetValue<int>());
    }

    [StoreFact]
    public async Task Paging_ExpiredSnapshot_Returns410()
    {
        await CreateStudiesAsync(3);
        var first = await Client.SearchAsync(Scoped("ResearchStudy?_count=1"));

        Server.Clock.Advance(TimeSpan.FromMinutes(11));
        using var response = await Client.GetAsync(first.Link("next")!);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
    }

    [StoreFact]
    public async Task SummaryCount_AndCountZero_ReturnTotalOnly()
    {
        await CreateStudiesAsync(5);

        var summary = await Client.SearchAsync(Scoped("ResearchStudy?_summary=count"));
        var zero = await Client.SearchAsync(Scoped("ResearchStudy?_count=0"));

        Assert.Equal(5, summary["total"]!.GetValue<int>());
        Assert.Null(summary["entry"]);
        Assert.Equal(5, zero["total"]!.GetValue<int>());
        Assert.Null(zero["entry"]);
    }

    [StoreFact]
    public async Task SinglePage_HasOnlySelfLink()
    {
        await CreateStudiesAsync(2);

        var bundle = await Client.SearchAsync(Scoped("ResearchStudy?_count=10"));

        Assert.Equal(["self"], bundle["link"]!.AsArray().Select(l => l!["relation"]!.GetValue<string>()));
    }

    private async Task<List<string>> CreateStudiesAsync(int count)
    {
        var ids = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            ids.Add(await CreateAsync($$"""{"resourceType":"ResearchStudy","status":"active","title":"Study {{i}}"}"""));
        }

        return ids;
    }
}

public sealed class SqlitePagingTests(SqliteServerFixture server) : PagingTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresPagingTests(PostgresServerFixture server) : PagingTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
