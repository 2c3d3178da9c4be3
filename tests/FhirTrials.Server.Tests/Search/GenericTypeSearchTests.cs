using System.Net;
using System.Text.Json.Nodes;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Testing;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Any R4 resource type is stored and searched through its SearchParameter definitions: official R4 examples, put as they are, found by their own values.</summary>
public abstract class GenericTypeSearchTests : ServerTests
{
    protected GenericTypeSearchTests(ServerFixture server)
        : base(server)
    {
    }

    [StoreTheory]
    [InlineData("Patient-example.json", "Patient?family=chalmers&given=peter&birthdate=1974-12-25&gender=male")]
    [InlineData("Patient-example.json", "Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|12345&address-city=pleasantville")]
    [InlineData("Observation-f001.json", "Observation?code=http://loinc.org|15074-8&value-quantity=6.3|http://unitsofmeasure.org|mmol/L&date=ge2013-04-02")]
    [InlineData("Observation-f001.json", "Observation?subject=Patient/f001&performer:Practitioner=f005&value-quantity=gt6")]
    [InlineData("ResearchStudy-example.json", "ResearchStudy?status=completed")]
    [InlineData("Group-101.json", "Group?type=animal&actual=true&code:text=horse&name=john&identifier=12345")]
    [InlineData("PlanDefinition-KDN5.json", "PlanDefinition?identifier=http://example.org/ordertemplates|KDN5&title:contains=carbo&status=draft")]
    [InlineData("Location-1.json", "Location?name=south&address-city=den&status=active")]
    [InlineData("Organization-1.json", "Organization?name=gastro&phone=%2B1 555 234 3523&email=gastro@acme.org")]
    [InlineData("MedicationRequest-medrx0301.json", "MedicationRequest?intent=order&authoredon=2015-01-15&status=completed&subject=Patient/pat1")]
    [InlineData("Encounter-example.json", "Encounter?class=http://terminology.hl7.org/CodeSystem/v3-ActCode|IMP&status=in-progress&patient=example")]
    public async Task OfficialExample_FoundByItsValues(string file, string query)
    {
        var example = R4Examples.All.Single(f => f.Name == file);
        var resource = Tag(JsonNode.Parse(example.Content)!.AsObject());
        var type = resource["resourceType"]!.GetValue<string>();
        var id = Scope + "-" + resource["id"]!.GetValue<string>();
        resource["id"] = id;

        using var put = await Client.SendAsync(HttpMethod.Put, $"{type}/{id}", resource.ToJsonString());
        var found = await FindAsync(query);

        Assert.True(put.StatusCode == HttpStatusCode.Created, $"{file}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        Assert.Equal([id], found);
    }
}

public sealed class SqliteGenericTypeSearchTests(SqliteServerFixture server) : GenericTypeSearchTests(server), IClassFixture<SqliteServerFixture>;

public sealed class PostgresGenericTypeSearchTests(PostgresServerFixture server) : GenericTypeSearchTests(server), IClassFixture<PostgresServerFixture>, IPostgresTests;
