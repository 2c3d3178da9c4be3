using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Server.Tests.Transactions;

namespace FhirTrials.Server.Tests.Matching;

/// <summary><c>ResearchStudy/$match</c> end to end: studies with eligibility Groups, a patient Bundle in, a scored searchset out.</summary>
public abstract class MatchOperationTests : ServerTests
{
    protected MatchOperationTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreFact]
    public async Task Match_ReturnsEligibleAndNeedsReviewBestFirst_LeavesOutIneligible()
    {
        var phase = $"phase-{Scope}";
        var eligible = await StudyAsync(phase, BasicStudyMatcherTests.AgeCharacteristic(18, 120, "a", false), BasicStudyMatcherTests.SexCharacteristic("female", false));
        var review = await StudyAsync(phase, BasicStudyMatcherTests.AgeCharacteristic(18, 120, "a", false), """{"code":{"text":"ECOG 0-1"},"valueBoolean":true,"exclude":false}""");
        await StudyAsync(phase, BasicStudyMatcherTests.SexCharacteristic("male", false));
        var birth = Server.Clock.GetUtcNow().AddYears(-40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var parameters = FhirRequests.Json($$$"""
            {"resourceType":"Parameters","parameter":[
              {"name":"phase","valueString":"{{{phase}}}"},
              {"name":"trialMatchClinicalData","resource":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","birthDate":"{{{birth}}}","gender":"female"}}]}}]}
            """);

        using var response = await Client.SendAsync(HttpMethod.Post, "ResearchStudy/$match", parameters.ToJsonString());
        var bundle = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("searchset", bundle["type"]!.GetValue<string>());
        Assert.Equal([eligible, review], bundle.Ids());
        var first = bundle["entry"]![0]!["search"]!;
        Assert.Equal(1m, first["score"]!.GetValue<decimal>());
        Assert.Equal(0.5m, bundle["entry"]![1]!["search"]!["score"]!.GetValue<decimal>());
        var result = first["extension"]![0]!;
        Assert.Equal("https://fhirtrials.org/fhir/StructureDefinition/match-result", result["url"]!.GetValue<string>());
        Assert.Equal("eligible", result["extension"]![0]!["valueCode"]!.GetValue<string>());
        Assert.Equal(2, result["extension"]!.AsArray().Count(e => e!["url"]!.GetValue<string>() == "criterion"));
        var review2 = bundle["entry"]![1]!["search"]!["extension"]![0]!["extension"]!.AsArray();
        Assert.Equal("needs-review", review2[0]!["valueCode"]!.GetValue<string>());
    }

    [StoreTheory]
    [InlineData("""{"resourceType":"Parameters"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Patient"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"resourceType":"Parameters","parameter":[{"name":"trialMatchClinicalData","resource":{"resourceType":"Bundle","type":"collection"}}]}""", HttpStatusCode.BadRequest)]
    public async Task Match_WithoutPatientData_Returns400(string body, HttpStatusCode expected)
    {
        using var response = await Client.SendAsync(HttpMethod.Post, "ResearchStudy/$match", body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("OperationOutcome", (await response.JsonAsync())["resourceType"]!.GetValue<string>());
    }

    private async Task<string> StudyAsync(string phase, params string[] characteristics)
    {
        var group = Tagged($$"""{"resourceType":"Group","type":"person","actual":false,"characteristic":[{{string.Join(",", characteristics)}}]}""");
        var study = Tagged($$$"""{"resourceType":"ResearchStudy","status":"active","phase":{"coding":[{"system":"urn:test","code":"{{{phase}}}"}]},"enrollment":[{"reference":"urn:uuid:6f1c1f4e-0000-4000-8000-00000000000f"}]}""");
        using var response = await Client.SendAsync(HttpMethod.Post, string.Empty, TransactionTests.Bundle("transaction",
            TransactionTests.Entry("POST", "Group", group, "urn:uuid:6f1c1f4e-0000-4000-8000-00000000000f"),
            TransactionTests.Entry("POST", "ResearchStudy", study)).ToJsonString());
        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body["entry"]![1]!["response"]!["location"]!.GetValue<string>().Split('/')[1];
    }
}

public sealed class SqliteMatchOperationTests(SqliteServerFixture server) : MatchOperationTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresMatchOperationTests(PostgresServerFixture server) : MatchOperationTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
