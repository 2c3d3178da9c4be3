using FhirTrials.Server.Search;

namespace FhirTrials.Server.Tests.Search;

/// <summary>Search value syntax: escapes, token forms, prefixes, implicit number ranges, quantities, references, chains, _has, includes.</summary>
public sealed class SearchQueryParserTests
{
    private readonly SearchQueryParser _parser = new(SearchParameterRegistry.Default, new SearchOptions(), TimeProvider.System);

    [Theory]
    [InlineData("a,b", "a|b")]
    [InlineData("a\\,b,c", "a\\,b|c")]
    [InlineData("x", "x")]
    [InlineData(",", "|")]
    public void SplitValues_OnUnescapedCommas(string value, string expected) =>
        Assert.Equal(expected.Split('|'), SearchQueryParser.SplitValues(value));

    [Theory]
    [InlineData("code", null, "code", false)]
    [InlineData("sys|code", "sys", "code", true)]
    [InlineData("|code", null, "code", true)]
    [InlineData("sys|", "sys", null, true)]
    [InlineData("a\\|b|c", "a|b", "c", true)]
    public void Token_Forms(string raw, string? system, string? code, bool systemGiven)
    {
        var value = Assert.IsType<TokenValue>(Single("ResearchStudy", "condition", raw));

        Assert.Equal(new TokenValue(system, code, systemGiven), value);
    }

    [Theory]
    [InlineData("100", SearchPrefix.Eq, "99.5", "100.5")]
    [InlineData("100.00", SearchPrefix.Eq, "99.995", "100.005")]
    [InlineData("gt0.5", SearchPrefix.Gt, "0.45", "0.55")]
    [InlineData("ap-3", SearchPrefix.Ap, "-3.5", "-2.5")]
    [InlineData("1e2", SearchPrefix.Eq, "99.5", "100.5")]
    public void Number_ImplicitRangeFromPrecision(string raw, SearchPrefix prefix, string low, string high)
    {
        var value = Assert.IsType<NumberValue>(Single("RiskAssessment", "probability", raw));

        Assert.Equal(prefix, value.Prefix);
        Assert.Equal(decimal.Parse(low, System.Globalization.CultureInfo.InvariantCulture), value.Low);
        Assert.Equal(decimal.Parse(high, System.Globalization.CultureInfo.InvariantCulture), value.High);
    }

    [Theory]
    [InlineData("5.4|http://unitsofmeasure.org|mg", "http://unitsofmeasure.org", "mg")]
    [InlineData("5.4||mg", null, "mg")]
    [InlineData("5.4", null, null)]
    public void Quantity_SystemAndCode(string raw, string? system, string? code)
    {
        var value = Assert.IsType<QuantityValue>(Single("Observation", "value-quantity", raw));

        Assert.Equal(5.4m, value.Number.Value);
        Assert.Equal(system, value.System);
        Assert.Equal(code, value.Code);
    }

    [Theory]
    [InlineData("sponsor", "123", null, "123", null)]
    [InlineData("sponsor", "Organization/123", "Organization", "123", null)]
    [InlineData("sponsor", "Organization/123/_history/4", "Organization", "123", null)]
    [InlineData("sponsor", "http://x.org/fhir/Organization/1", null, null, "http://x.org/fhir/Organization/1")]
    [InlineData("sponsor:Organization", "9", "Organization", "9", null)]
    public void Reference_Forms(string name, string raw, string? type, string? id, string? url)
    {
        var value = Assert.IsType<ReferenceValue>(Single("ResearchStudy", name, raw));

        Assert.Equal(new ReferenceValue(type, id, url), value);
    }

    [Fact]
    public void Chain_OverSeveralTargets_IsAnyOfTheTargetsHavingTheParameter()
    {
        var query = _parser.Parse("Observation", [new("subject.name", "x")], SearchHandling.Strict);

        var any = Assert.IsType<AnyOfCriterion>(Assert.Single(query.Criteria));
        var targets = any.Alternatives.Cast<ChainCriterion>().Select(c => c.TargetTypes[0]).ToList();
        Assert.Equal(["Location", "Patient"], targets.Order());
    }

    [Fact]
    public void Has_Nested_ParsesToInnerCriteria()
    {
        var query = _parser.Parse("Organization", [new("_has:Location:organization:_has:ResearchStudy:site:status", "active")], SearchHandling.Strict);

        var outer = Assert.IsType<HasCriterion>(Assert.Single(query.Criteria));
        var inner = Assert.IsType<HasCriterion>(outer.Inner);
        Assert.Equal(("Location", "ResearchStudy"), (outer.SourceType, inner.SourceType));
    }

    [Theory]
    [InlineData("ResearchStudy", "_include", "ResearchStudy:sponsor")]
    [InlineData("ResearchStudy", "_include:iterate", "Location:organization")]
    [InlineData("Organization", "_revinclude", "ResearchStudy:sponsor:Organization")]
    public void Include_Accepted(string type, string key, string value) =>
        Assert.Single(_parser.Parse(type, [new(key, value)], SearchHandling.Strict).Includes);

    [Theory]
    [InlineData("ResearchStudy", "_include", "Location:organization")]
    [InlineData("ResearchStudy", "_include", "ResearchStudy:title")]
    [InlineData("ResearchStudy", "_include", "sponsor")]
    [InlineData("ResearchStudy", "nosuch", "x")]
    [InlineData("ResearchStudy", "_sort", "nosuch")]
    public void Unknown_StrictRejects_LenientNotes(string type, string key, string value)
    {
        Assert.Throws<SearchException>(() => _parser.Parse(type, [new(key, value)], SearchHandling.Strict));
        var lenient = _parser.Parse(type, [new(key, value)], SearchHandling.Lenient);
        Assert.Single(lenient.Ignored);
        Assert.Empty(lenient.Applied);
    }

    [Theory]
    [InlineData("title:below", "x")]
    [InlineData("date:text", "2020")]
    [InlineData("status:above", "x")]
    [InlineData("date", "2020-1-1")]
    [InlineData("_count", "-1")]
    public void Malformed_AlwaysRejected(string key, string value)
    {
        Assert.Throws<SearchException>(() => _parser.Parse("ResearchStudy", [new(key, value)], SearchHandling.Lenient));
    }

    [Fact]
    public void Count_IsCappedAtMaximum() =>
        Assert.Equal(new SearchOptions().MaxCount, _parser.Parse("ResearchStudy", [new("_count", "100000")], SearchHandling.Strict).Count);

    private SearchValue Single(string type, string key, string raw)
    {
        var query = _parser.Parse(type, [new(key, raw)], SearchHandling.Strict);
        return Assert.Single(Assert.IsType<ParameterCriterion>(Assert.Single(query.Criteria)).Values);
    }
}
