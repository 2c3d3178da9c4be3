using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Token parameters: <c>code</c>, <c>system|code</c>, <c>|code</c>, <c>system|</c>, <c>:not</c>, <c>:text</c>, <c>:missing</c>, identifiers, codes and booleans.</summary>
public abstract class TokenSearchTests : ServerTests
{
    protected TokenSearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("condition=254837009", "a")]
    [InlineData("condition=http://snomed.info/sct|254837009", "a")]
    [InlineData("condition=http://hl7.org/fhir/sid/icd-10|254837009", "")]
    [InlineData("condition=http://hl7.org/fhir/sid/icd-10|", "b")]
    [InlineData("condition=|X1", "d")]
    [InlineData("condition=|C50.9", "")]
    [InlineData("condition=C50.9", "b")]
    [InlineData("condition=254837009,C50.9", "a,b")]
    [InlineData("condition:text=mamma", "b")]
    [InlineData("condition:text=BREAST", "a")]
    [InlineData("condition:text=cancer", "a")]
    [InlineData("condition:text=neoplasm", "a")]
    [InlineData("condition:text=ancer", "")]
    [InlineData("condition:not=254837009", "b,c,d")]
    [InlineData("condition:missing=true", "c")]
    [InlineData("condition:missing=false", "a,b,d")]
    [InlineData("status=active", "a,c")]
    [InlineData("status:not=active", "b,d")]
    [InlineData("recruitment=completed", "b")]
    [InlineData("status=http://hl7.org/fhir/research-study-status|active", "")]
    [InlineData("identifier=urn:trial|NCT-A", "a")]
    [InlineData("identifier=NCT-A", "a")]
    [InlineData("identifier=urn:other|NCT-A", "")]
    [InlineData("phase=phase-2", "a,b")]
    [InlineData("phase=http://terminology.hl7.org/CodeSystem/research-study-phase|phase-3", "d")]
    [InlineData("condition=254837009&status=active", "a")]
    [InlineData("condition=254837009&status=completed", "")]
    public async Task ResearchStudy_TokenSearch_MatchesPerSpec(string query, string expected)
    {
        const string Phase = "http://terminology.hl7.org/CodeSystem/research-study-phase";
        var ids = new Dictionary<string, string>
        {
            ["a"] = await CreateAsync($$"""{"resourceType":"ResearchStudy","status":"active","identifier":[{"system":"urn:trial","value":"NCT-A"}],"phase":{"coding":[{"system":"{{Phase}}","code":"phase-2"}]},"condition":[{"coding":[{"system":"http://snomed.info/sct","code":"254837009","display":"Malignant neoplasm of breast"}],"text":"Breast cancer"}]}"""),
            ["b"] = await CreateAsync($$"""{"resourceType":"ResearchStudy","status":"completed","phase":{"coding":[{"system":"{{Phase}}","code":"phase-2"}]},"condition":[{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10","code":"C50.9"}],"text":"Mamma carcinoma"}]}"""),
            ["c"] = await CreateAsync("""{"resourceType":"ResearchStudy","status":"active"}"""),
            ["d"] = await CreateAsync($$"""{"resourceType":"ResearchStudy","status":"withdrawn","phase":{"coding":[{"system":"{{Phase}}","code":"phase-3"}]},"condition":[{"coding":[{"code":"X1"}]}]}"""),
        };

        var found = await FindAsync("ResearchStudy?" + query);

        Assert.Equal(StringSearchTests.Expected(ids, expected), found.Order().ToList());
    }

    [StoreFact]
    public async Task Boolean_Token_MatchesTrueAndFalse()
    {
        var active = await CreateAsync("""{"resourceType":"Organization","active":true}""");
        var inactive = await CreateAsync("""{"resourceType":"Organization","active":false}""");

        Assert.Equal([active], await FindAsync("Organization?active=true"));
        Assert.Equal([inactive], await FindAsync("Organization?active=false"));
    }

    [StoreFact]
    public async Task Id_AndNot_SelectByLogicalId()
    {
        var one = await CreateAsync("""{"resourceType":"Organization","name":"one"}""");
        var two = await CreateAsync("""{"resourceType":"Organization","name":"two"}""");

        Assert.Equal([one], await FindAsync($"Organization?_id={one}"));
        Assert.Equal(new[] { one, two }.Order(), (await FindAsync($"Organization?_id={one},{two}")).Order());
        Assert.Equal([two], await FindAsync($"Organization?_id:not={one}"));
    }
}

public sealed class SqliteTokenSearchTests(SqliteServerFixture server) : TokenSearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresTokenSearchTests(PostgresServerFixture server) : TokenSearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
