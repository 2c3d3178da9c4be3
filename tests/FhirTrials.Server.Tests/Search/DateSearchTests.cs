using System.Globalization;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>
/// Date parameters against the R4 search page: every value is an implicit range (its precision), and
/// each prefix compares ranges — eq: the search range contains the target; gt/lt: the range above/below
/// the search value overlaps the target; ge/le: gt/lt or eq; sa/eb: the target starts after/ends before
/// the search range; ne: not eq. Targets of every shape: a day, an instant, a period, a month, an
/// open-ended period and a year.
/// </summary>
public abstract class DateSearchTests : ServerTests
{
    protected DateSearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("date=2013-01-14", "day,instant")]
    [InlineData("date=eq2013-01-14", "day,instant")]
    [InlineData("date=2013-01", "day,instant,period")]
    [InlineData("date=2013", "day,instant,period,month")]
    [InlineData("date=ne2013-01", "month,open,year")]
    [InlineData("date=gt2013-01-14", "period,month,open")]
    [InlineData("date=lt2013-01-14", "period,year")]
    [InlineData("date=ge2013-01-14", "day,instant,period,month,open")]
    [InlineData("date=le2013-01-14", "day,instant,period,year")]
    [InlineData("date=sa2013-01-14", "month,open")]
    [InlineData("date=eb2013-01-14", "year")]
    [InlineData("date=2013-01-14T10:00Z", "instant")]
    [InlineData("date=2013-01-14T10:00:00Z", "instant")]
    [InlineData("date=2013-01-14T11:00:00%2B01:00", "instant")]
    [InlineData("date=2013-01-14T10:00:00.000Z", "")]
    [InlineData("date=gt2013-01-14T10:00:00Z", "day,period,month,open")]
    [InlineData("date=lt2013-01-14T10:00:00Z", "day,period,year")]
    [InlineData("date=sa2012", "day,instant,period,month,open")]
    [InlineData("date=eb2014", "day,instant,period,month,year")]
    [InlineData("date=ge2013-01-01&date=lt2013-02-01", "day,instant,period,open")]
    [InlineData("date=2012,2013-02", "month,year")]
    [InlineData("date:missing=true", "none")]
    public async Task Observation_DatePrefixes_FollowRangeSemantics(string query, string expected)
    {
        var ids = new Dictionary<string, string>
        {
            ["day"] = await Observation("\"effectiveDateTime\":\"2013-01-14\""),
            ["instant"] = await Observation("\"effectiveDateTime\":\"2013-01-14T10:00:00Z\""),
            ["period"] = await Observation("\"effectivePeriod\":{\"start\":\"2013-01-10\",\"end\":\"2013-01-20\"}"),
            ["month"] = await Observation("\"effectiveDateTime\":\"2013-02\""),
            ["open"] = await Observation("\"effectivePeriod\":{\"start\":\"2013-01-16\"}"),
            ["year"] = await Observation("\"effectiveDateTime\":\"2012\""),
            ["none"] = await Observation(null),
        };

        var found = await FindAsync("Observation?" + query);

        Assert.Equal(StringSearchTests.Expected(ids, expected), found.Order().ToList());
    }

    [StoreFact]
    public async Task Approximately_WidensByTenthOfDistanceFromNow()
    {
        var now = Server.Clock.GetUtcNow();
        string Day(int daysAgo) => now.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var id = await Observation($"\"effectiveDateTime\":\"{Day(10)}\"");

        Assert.Equal([id], await FindAsync($"Observation?date=ap{Day(11)}"));
        Assert.Empty(await FindAsync($"Observation?date=ap{Day(40)}"));
        Assert.Empty(await FindAsync($"Observation?date={Day(11)}"));
    }

    [StoreFact]
    public async Task LastUpdated_ComparesServerTimes()
    {
        var early = await Observation("\"effectiveDateTime\":\"2020\"");
        var between = Server.Clock.GetUtcNow().AddMinutes(30);
        Server.Clock.Advance(TimeSpan.FromHours(1));
        var late = await Observation("\"effectiveDateTime\":\"2020\"");
        var at = Uri.EscapeDataString(between.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        Assert.Equal([late], await FindAsync($"Observation?_lastUpdated=gt{at}"));
        Assert.Equal([early], await FindAsync($"Observation?_lastUpdated=lt{at}"));
    }

    [StoreTheory]
    [InlineData("date=2013-13")]
    [InlineData("date=yesterday")]
    [InlineData("date=2013-02-30")]
    [InlineData("date=xx2013")]
    public async Task InvalidDate_Returns400(string query)
    {
        using var response = await Client.GetAsync("Observation?" + query);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
    }

    private Task<string> Observation(string? effective) =>
        CreateAsync($$"""{"resourceType":"Observation","status":"final","code":{"text":"t"}{{(effective is null ? string.Empty : "," + effective)}}}""");
}

public sealed class SqliteDateSearchTests(SqliteServerFixture server) : DateSearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresDateSearchTests(PostgresServerFixture server) : DateSearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
