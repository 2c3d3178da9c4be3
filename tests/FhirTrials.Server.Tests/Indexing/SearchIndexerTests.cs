using System.Text;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Search;
using FhirTrials.Testing;

namespace FhirTrials.Server.Tests.Indexing;

/// <summary>Index values extracted with the SearchParameter expressions, per parameter type.</summary>
public sealed class SearchIndexerTests
{
    private static readonly SearchIndexer Indexer = new(SearchParameterRegistry.Default, ["https://trials.example.org/fhir"]);

    [Fact]
    public void Index_EveryOfficialR4Example_WithoutFailures()
    {
        var failures = new List<string>();
        var parser = new FhirJsonParser(FhirJsonParserSettings.LenientMode);
        var indexed = 0;
        foreach (var example in R4Examples.All)
        {
            var root = parser.Parse(example.Content, example.Name).Root;
            if (root?.Type is null || !root.IsResource)
            {
                continue;
            }

            try
            {
                if (Indexer.Index(root).Count > 0)
                {
                    indexed++;
                }
            }
            catch (Exception ex)
            {
                failures.Add($"{example.Name}: {ex.GetType().Name}: {ex.Message}");
            }
        }

        Assert.Empty(failures);
        Assert.True(indexed > 5000, $"{indexed} examples produced index rows");
    }

    [Fact]
    public void Index_ResearchStudy_ExtractsEveryParameterType()
    {
        var index = Index("""
            {"resourceType":"ResearchStudy","id":"s1","meta":{"tag":[{"system":"urn:t","code":"x"}],"profile":["http://p.example/sd"]},
             "identifier":[{"system":"urn:nct","value":"NCT1","type":{"text":"Registry ID"}}],
             "title":"Trial of Ünïcode","status":"active","period":{"start":"2020-02"},
             "condition":[{"coding":[{"system":"http://snomed.info/sct","code":"254837009","display":"Breast cancer"}],"text":"BC"}],
             "sponsor":{"reference":"Organization/o1/_history/2"},
             "site":[{"reference":"https://trials.example.org/fhir/Location/l1"},{"reference":"http://elsewhere.org/fhir/Location/l9"},{"reference":"#contained"}],
             "principalInvestigator":{"identifier":{"system":"urn:npi","value":"123"}}}
            """);

        Assert.Contains(new TokenEntry("identifier", "urn:nct", "NCT1", "registry id"), index.Tokens);
        Assert.Contains(new TokenEntry("condition", "http://snomed.info/sct", "254837009", "breast cancer"), index.Tokens);
        Assert.Contains(new TokenEntry("condition", null, null, "bc"), index.Tokens);
        Assert.Contains(new TokenEntry("status", null, "active", null), index.Tokens);
        Assert.Contains(new TokenEntry("recruitment", null, "active", null), index.Tokens);
        Assert.Contains(new TokenEntry("_tag", "urn:t", "x", null), index.Tokens);
        Assert.Contains(new TokenEntry("principalinvestigator:identifier", "urn:npi", "123", null), index.Tokens);
        Assert.Contains(new StringEntry("title", "trial of unicode", "Trial of Ünïcode"), index.Strings);
        Assert.Contains(new DateEntry("date", DateRange.ToMillis(new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero)), long.MaxValue), index.Dates);
        Assert.Contains(new ReferenceEntry("sponsor", "Organization", "o1", null), index.References);
        Assert.Contains(new ReferenceEntry("site", "Location", "l1", null), index.References);
        Assert.Contains(new ReferenceEntry("site", "Location", null, "http://elsewhere.org/fhir/Location/l9"), index.References);
        Assert.Equal(2, index.References.Count(r => r.Param == "site"));
        Assert.Contains(new UriEntry("_profile", "http://p.example/sd"), index.Uris);
    }

    [Fact]
    public void Index_QuantitiesRangesAndMoney()
    {
        var observation = Index("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"valueQuantity":{"value":5.4,"unit":"mg","system":"http://unitsofmeasure.org","code":"mg"}}""");
        var group = Index("""{"resourceType":"Group","type":"person","actual":true,"quantity":3,"characteristic":[{"code":{"text":"age"},"valueRange":{"low":{"value":18,"code":"a"}},"exclude":false}]}""");
        var claim = Index("""{"resourceType":"ChargeItem","status":"billable","code":{"text":"c"},"subject":{"reference":"Patient/p"},"priceOverride":{"value":12.5,"currency":"EUR"}}""");

        Assert.Contains(new QuantityEntry("value-quantity", "http://unitsofmeasure.org", "mg", "mg", 5.4, 5.4), observation.Quantities);
        Assert.Contains(group.Tokens, t => t.Param == "characteristic" && t.Text == "age");
        Assert.Contains(new QuantityEntry("price-override", "urn:iso:std:iso:4217", "EUR", null, 12.5, 12.5), claim.Quantities);
    }

    [Fact]
    public void Index_ResolveIsTypeFilter_UsesReferencedType()
    {
        var patientSubject = Index("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Patient/p1"}}""");
        var groupSubject = Index("""{"resourceType":"Observation","status":"final","code":{"text":"x"},"subject":{"reference":"Group/g1"}}""");

        Assert.Contains(new ReferenceEntry("patient", "Patient", "p1", null), patientSubject.References);
        Assert.DoesNotContain(groupSubject.References, r => r.Param == "patient");
        Assert.Contains(new ReferenceEntry("subject", "Group", "g1", null), groupSubject.References);
    }

    private static ResourceIndex Index(string json) => Indexer.Index(FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(json)));
}
