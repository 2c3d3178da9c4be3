using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>String parameters (R4 search page): starts-with, case- and accent-insensitive by default; <c>:exact</c>; <c>:contains</c>.</summary>
public abstract class StringSearchTests : ServerTests
{
    protected StringSearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("name=mül", "muller")]
    [InlineData("name=MUL", "muller")]
    [InlineData("name=mue", "mueller")]
    [InlineData("name=hopital", "hopital")]
    [InlineData("name=HÔP", "hopital")]
    [InlineData("name=klinik", "")]
    [InlineData("name:exact=Müller Klinik", "muller")]
    [InlineData("name:exact=müller klinik", "")]
    [InlineData("name:exact=Müller", "")]
    [InlineData("name:contains=klin", "muller")]
    [InlineData("name:contains=ARY", "mary")]
    [InlineData("name:contains=%25", "")]
    [InlineData("name=müller,hopital", "muller,hopital")]
    [InlineData("name=m&name:contains=center", "mueller")]
    [InlineData("address=berlin", "muller")]
    [InlineData("address-city=par", "hopital")]
    [InlineData("address-postalcode=10115", "muller")]
    [InlineData("name=a\\,b", "comma")]
    public async Task Organization_StringSearch_MatchesPerSpec(string query, string expected)
    {
        var ids = new Dictionary<string, string>
        {
            ["muller"] = await CreateAsync("""{"resourceType":"Organization","name":"Müller Klinik","address":[{"city":"Berlin","postalCode":"10115"}]}"""),
            ["mueller"] = await CreateAsync("""{"resourceType":"Organization","name":"Mueller Center"}"""),
            ["mary"] = await CreateAsync("""{"resourceType":"Organization","name":"St. Mary's Hospital"}"""),
            ["hopital"] = await CreateAsync("""{"resourceType":"Organization","name":"Hôpital Saint-Louis","address":[{"city":"Paris"}]}"""),
            ["comma"] = await CreateAsync("""{"resourceType":"Organization","name":"A,B Partners"}"""),
        };

        var found = await FindAsync("Organization?" + query);

        Assert.Equal(Expected(ids, expected), found.Order().ToList());
    }

    [StoreFact]
    public async Task HumanName_AnyPart_Matches()
    {
        var id = await CreateAsync("""{"resourceType":"Practitioner","name":[{"family":"Østergaard","given":["Johannes","Peter"],"prefix":["Dr."]}]}""");

        Assert.Equal([id], await FindAsync("Practitioner?name=ostergaard"));
        Assert.Equal([id], await FindAsync("Practitioner?name=pet"));
        Assert.Equal([id], await FindAsync("Practitioner?family=øster"));
        Assert.Equal([id], await FindAsync("Practitioner?given=JOH"));
        Assert.Empty(await FindAsync("Practitioner?family=johannes"));
    }

    internal static List<string> Expected(Dictionary<string, string> ids, string names) =>
        [.. names.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => ids[n]).Order()];
}

public sealed class SqliteStringSearchTests(SqliteServerFixture server) : StringSearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresStringSearchTests(PostgresServerFixture server) : StringSearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
