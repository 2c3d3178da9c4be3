using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Testing;

namespace FhirTrials.Server.Tests.Transactions;

/// <summary>
/// The FhirTrials profiles' example trial (a transaction Bundle of ResearchStudy, protocol, activity,
/// eligibility Group, sponsor and site, each claiming its profile) goes in through full validation and
/// comes out through search, includes and $match; a resource that breaks its profile is refused with 422.
/// </summary>
public abstract class ProfileExampleTests : ServerTests
{
    protected ProfileExampleTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task ExampleTrialBundle_IsAcceptedSearchableAndMatchable()
    {
        var bundle = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "profiles", "examples", "Bundle-fhirtrials-example.json")))!.AsObject();

        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, bundle.ToJsonString());
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.All(body["entry"]!.AsArray(), e => Assert.Matches("^20[01]", e!["response"]!["status"]!.GetValue<string>()));
        var found = await Client.SearchAsync("ResearchStudy?_id=fhirtrials-example&_include=ResearchStudy:enrollment&_include=ResearchStudy:sponsor&_include=ResearchStudy:site&_include=ResearchStudy:protocol");
        Assert.Equal(["fhirtrials-example"], found.Ids());
        Assert.Equal(4, found.Keys("include").Count);
        Assert.Equal(["fhirtrials-example"], (await Client.SearchAsync("ResearchStudy?_id=fhirtrials-example&identifier=https://clinicaltrials.gov/nctid|&phase:missing=false&condition:missing=false")).Ids());

        var birth = Server.Clock.GetUtcNow().AddYears(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var parameters = $$$"""{"resourceType":"Parameters","parameter":[{"name":"trialMatchClinicalData","resource":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","birthDate":"{{{birth}}}","gender":"female"}}]}}]}""";
        using var match = await Client.SendAsync(HttpMethod.Post, "ResearchStudy/$match", parameters);
        var matched = await match.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, match.StatusCode);
        Assert.Contains("fhirtrials-example", matched.Ids());
    }

    [StoreFact]
    public async Task ProfiledResource_BreakingItsProfile_Returns422()
    {
        var sponsor = Tagged("""{"resourceType":"Organization","meta":{"profile":["https://fhirtrials.org/fhir/StructureDefinition/FhirTrialsSponsor"]},"identifier":[{"system":"urn:x","value":"no-name"}]}""");

        using var response = await Client.SendAsync(HttpMethod.Post, "Organization", sponsor.ToJsonString());
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Organization.name: minimum required = 1", body.ToJsonString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteProfileExampleTests(SqliteServerFixture server) : ProfileExampleTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresProfileExampleTests(PostgresServerFixture server) : ProfileExampleTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
