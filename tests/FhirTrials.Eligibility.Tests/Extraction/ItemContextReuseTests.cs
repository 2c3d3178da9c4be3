using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

/// <summary>The item context and its token buffer are reused item after item; nothing of one item may reach the next.</summary>
public sealed class ItemContextReuseTests
{
    [Fact]
    public void ParseItem_ShortItemAfterLongOne_SeesOnlyItsOwnTokens()
    {
        var longItem = Parse.Item("Patients with type 2 diabetes, hypertension or asthma, BMI 18 to 30 kg/m2, aged 18 to 65 years, ECOG 0-1");
        var shortItem = Parse.Item("Healthy");

        Assert.Contains(longItem, c => c.Kind == CriterionKind.Age);
        var only = Assert.Single(shortItem);
        Assert.Equal((CriterionKind.FreeText, "Healthy"), (only.Kind, only.Source.Text));
    }

    [Fact]
    public void Parse_SameTextTwice_GivesTheSameCriteria()
    {
        const string text = "Inclusion Criteria:\n\n* Age 18 to 75 years\n* ANC ≥ 1500/mm3 within 14 days\n\nExclusion Criteria:\n\n* Pregnancy";

        var first = EligibilityCriteriaParser.Parse(text).Criteria.ToList();
        var second = EligibilityCriteriaParser.Parse(text).Criteria.ToList();

        Assert.Equal(first, second);
        Assert.Contains(first, c => c.Kind == CriterionKind.Age);
    }
}
