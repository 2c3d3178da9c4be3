using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Search;

/// <summary>
/// A small connected set of trial resources for reference, chain and include tests: two sponsors, a
/// site managed by the first, an eligibility Group, a protocol PlanDefinition, and studies pointing at
/// them in different ways (local, external URL, logical identifier, none).
/// </summary>
public sealed record TrialGraph(string Alpha, string Beta, string Site, string Group, string Protocol, string Main, string Second, string External, string Logical, string Orphan)
{
    public static async Task<TrialGraph> CreateAsync(Func<string, Task<string>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        var alpha = await create("""{"resourceType":"Organization","name":"Alpha Pharma","identifier":[{"system":"urn:org","value":"ALPHA"}]}""");
        var beta = await create("""{"resourceType":"Organization","name":"Beta Bio"}""");
        var site = await create($$$"""{"resourceType":"Location","name":"Charité Site","address":{"city":"Berlin"},"managingOrganization":{"reference":"Organization/{{{alpha}}}"}}""");
        var group = await create("""{"resourceType":"Group","type":"person","actual":false}""");
        var protocol = await create("""{"resourceType":"PlanDefinition","status":"active","title":"Protocol A"}""");
        var main = await create($$"""{"resourceType":"ResearchStudy","status":"active","title":"Main","sponsor":{"reference":"Organization/{{alpha}}"},"site":[{"reference":"Location/{{site}}"}],"enrollment":[{"reference":"Group/{{group}}"}],"protocol":[{"reference":"PlanDefinition/{{protocol}}"}]}""");
        var second = await create($$$"""{"resourceType":"ResearchStudy","status":"completed","title":"Second","sponsor":{"reference":"Organization/{{{beta}}}/_history/1"}}""");
        var external = await create("""{"resourceType":"ResearchStudy","status":"active","title":"External","sponsor":{"reference":"http://other.example/fhir/Organization/77"}}""");
        var logical = await create("""{"resourceType":"ResearchStudy","status":"active","title":"Logical","sponsor":{"identifier":{"system":"urn:org","value":"GAMMA"}}}""");
        var orphan = await create("""{"resourceType":"ResearchStudy","status":"active","title":"Orphan"}""");
        return new TrialGraph(alpha, beta, site, group, protocol, main, second, external, logical, orphan);
    }

    public Dictionary<string, string> Names() => new()
    {
        ["alpha"] = Alpha,
        ["beta"] = Beta,
        ["site"] = Site,
        ["group"] = Group,
        ["protocol"] = Protocol,
        ["main"] = Main,
        ["second"] = Second,
        ["external"] = External,
        ["logical"] = Logical,
        ["orphan"] = Orphan,
    };
}
