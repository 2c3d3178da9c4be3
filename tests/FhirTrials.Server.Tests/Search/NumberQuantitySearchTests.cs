using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>
/// Number and quantity parameters: eq/ne use the implicit range of the value's precision (<c>0.5</c> is
/// [0.45, 0.55)), the other prefixes compare values, ap is ±10%; targets may be ranges. Quantities add
/// <c>|system|code</c> (or <c>||code</c>, matching code or unit).
/// </summary>
public abstract class NumberQuantitySearchTests : ServerTests
{
    protected NumberQuantitySearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("probability=0.5", "half")]
    [InlineData("probability=0.50", "half")]
    [InlineData("probability=0.55", "more")]
    [InlineData("probability=ne0.5", "more,range,hundred")]
    [InlineData("probability=gt0.5", "more,hundred")]
    [InlineData("probability=lt0.3", "range")]
    [InlineData("probability=ge0.55", "more,hundred")]
    [InlineData("probability=le0.2", "range")]
    [InlineData("probability=sa0.45", "half,more,hundred")]
    [InlineData("probability=eb0.45", "range")]
    [InlineData("probability=ap0.5", "half,more")]
    [InlineData("probability=100", "hundred")]
    [InlineData("probability=1e2", "hundred")]
    [InlineData("probability=0.3", "")]
    public async Task RiskAssessment_NumberPrefixes_MatchPerSpec(string query, string expected)
    {
        var ids = new Dictionary<string, string>
        {
            ["half"] = await Risk("\"probabilityDecimal\":0.5"),
            ["more"] = await Risk("\"probabilityDecimal\":0.55"),
            ["range"] = await Risk("\"probabilityRange\":{\"low\":{\"value\":0.2},\"high\":{\"value\":0.4}}"),
            ["hundred"] = await Risk("\"probabilityDecimal\":100"),
        };

        var found = await FindAsync("RiskAssessment?" + query);

        Assert.Equal(StringSearchTests.Expected(ids, expected), found.Order().ToList());
    }

    [StoreTheory]
    [InlineData("value-quantity=5.4", "mg,unitOnly,kg")]
    [InlineData("value-quantity=5.4|http://unitsofmeasure.org|mg", "mg")]
    [InlineData("value-quantity=5.4||mg", "mg,unitOnly")]
    [InlineData("value-quantity=gt100||mm[Hg]", "pressure")]
    [InlineData("value-quantity=lt6|http://unitsofmeasure.org|kg", "kg")]
    [InlineData("value-quantity=5.40||mg", "mg,unitOnly")]
    [InlineData("value-quantity=5.41||mg", "")]
    public async Task Observation_QuantitySearch_MatchesValueAndUnit(string query, string expected)
    {
        var ids = new Dictionary<string, string>
        {
            ["mg"] = await Observation("{\"value\":5.4,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mg\",\"unit\":\"milligram\"}"),
            ["unitOnly"] = await Observation("{\"value\":5.4,\"unit\":\"mg\"}"),
            ["pressure"] = await Observation("{\"value\":120,\"system\":\"http://unitsofmeasure.org\",\"code\":\"mm[Hg]\"}"),
            ["kg"] = await Observation("{\"value\":5.4,\"system\":\"http://unitsofmeasure.org\",\"code\":\"kg\"}"),
        };

        var found = await FindAsync("Observation?" + query.Replace("[", "%5B", StringComparison.Ordinal).Replace("]", "%5D", StringComparison.Ordinal));

        Assert.Equal(StringSearchTests.Expected(ids, expected), found.Order().ToList());
    }

    private Task<string> Risk(string probability) =>
        CreateAsync($$"""{"resourceType":"RiskAssessment","status":"final","subject":{"reference":"Patient/p"},"prediction":[{{{probability}}}]}""");

    private Task<string> Observation(string quantity) =>
        CreateAsync($$"""{"resourceType":"Observation","status":"final","code":{"text":"q"},"valueQuantity":{{quantity}}}""");
}

public sealed class SqliteNumberQuantitySearchTests(SqliteServerFixture server) : NumberQuantitySearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresNumberQuantitySearchTests(PostgresServerFixture server) : NumberQuantitySearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
