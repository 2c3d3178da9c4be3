using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary><c>_sort</c> (ascending, <c>-</c> descending, several keys, missing values last) and the subsetting parameters <c>_summary</c> and <c>_elements</c>.</summary>
public abstract class SortSummaryTests : ServerTests
{
    protected SortSummaryTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("_sort=title", "b,c,a,d")]
    [InlineData("_sort=-title", "a,c,b,d")]
    [InlineData("_sort=date", "c,b,a,d")]
    [InlineData("_sort=-date", "a,b,c,d")]
    [InlineData("_sort=status,title", "b,c,a,d")]
    [InlineData("_sort=-status,-date", "d,a,b,c")]
    [InlineData("_sort=_lastUpdated", "a,b,c,d")]
    [InlineData("_sort=-_lastUpdated", "d,c,b,a")]
    public async Task Sort_OrdersMatches(string sort, string expected)
    {
        var ids = new Dictionary<string, string>
        {
            ["a"] = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Zeta","period":{"start":"2019-05-01"}}"""),
            ["b"] = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"alpha","period":{"start":"2018-01-01","end":"2023-01-01"}}"""),
            ["c"] = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Beta","period":{"start":"2017-01-01","end":"2017-06-01"}}"""),
            ["d"] = await CreateAsync("""{"resourceType":"ResearchStudy","status":"withdrawn"}"""),
        };

        var found = await FindAsync("ResearchStudy?" + sort);

        Assert.Equal(expected.Split(',').Select(n => ids[n]), found);
    }

    [StoreFact]
    public async Task SummaryTrue_KeepsSummaryElementsAndTagsSubsetted()
    {
        await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Sum","description":"long text","arm":[{"name":"A","description":"arm text"}],"text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">x</div>"}}""");

        var bundle = await Client.SearchAsync(Scoped("ResearchStudy?_summary=true"));
        var study = bundle["entry"]![0]!["resource"]!.AsObject();

        Assert.Equal("Sum", study["title"]!.GetValue<string>());
        Assert.Equal("active", study["status"]!.GetValue<string>());
        Assert.Null(study["description"]);
        Assert.Null(study["arm"]);
        Assert.Null(study["text"]);
        Assert.Contains(study["meta"]!["tag"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "SUBSETTED");
    }

    [StoreFact]
    public async Task Elements_KeepsNamedAndMandatoryElements()
    {
        await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"Els","description":"d","keyword":[{"text":"k"}]}""");

        var bundle = await Client.SearchAsync(Scoped("ResearchStudy?_elements=title,keyword"));
        var study = bundle["entry"]![0]!["resource"]!.AsObject();

        Assert.Equal(["resourceType", "id", "meta", "status", "title", "keyword"], study.Select(p => p.Key).OrderBy(k => k == "resourceType" ? 0 : k == "id" ? 1 : k == "meta" ? 2 : 3).ThenBy(k => k == "status" ? 0 : k == "title" ? 1 : 2));
        Assert.Contains(study["meta"]!["tag"]!.AsArray(), t => t!["code"]!.GetValue<string>() == "SUBSETTED");
    }

    [StoreFact]
    public async Task SummaryText_OnRead_KeepsNarrative()
    {
        var id = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active","title":"T","text":{"status":"generated","div":"<div xmlns=\"http://www.w3.org/1999/xhtml\">narrative</div>"}}""");

        using var response = await Client.GetAsync($"ResearchStudy/{id}?_summary=text");
        var study = await response.JsonAsync();

        Assert.NotNull(study["text"]);
        Assert.Null(study["title"]);
        Assert.Equal("active", study["status"]!.GetValue<string>());
    }
}

public sealed class SqliteSortSummaryTests(SqliteServerFixture server) : SortSummaryTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresSortSummaryTests(PostgresServerFixture server) : SortSummaryTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
