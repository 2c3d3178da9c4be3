using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class ConditionExtractionTests
{
    private const string Pregnancy = "77386006";
    private const string Lactation = "169750002";
    private const string Hiv = "86406008";
    private const string HepatitisB = "66071002";
    private const string HepatitisC = "50711007";
    private const string Syphilis = "76272004";
    private const string Tuberculosis = "56717001";

    [Theory]
    [InlineData("Pregnant or lactating women.", new[] { Pregnancy, Lactation })]
    [InlineData("Either HIV-antibody(human immunodeficiency virus-antibody), HBV-antibody (hepatitis B virus-antibody ) or syphilis antibody is positive;", new[] { Hiv, HepatitisB, Syphilis })]
    [InlineData("Participants infected by Hepatitis B Virus(HBV), Hepatitis C Virus (HCV) and Human Immunodeficiency Virus (HIV).", new[] { HepatitisB, HepatitisC, Hiv })]
    [InlineData("Participants with acute and chronic tuberculosis infection.", new[] { Tuberculosis })]
    [InlineData("treponema pallidum antibody is positive", new[] { Syphilis })]
    [InlineData("Pregnant, actively trying to become pregnant, or breastfeeding", new[] { Pregnancy, Lactation })]
    public void ParseItem_ExclusionConditions_AreExcluded(string text, string[] codes)
    {
        var conditions = Parse.Item(text, CriterionKind.Condition, CriteriaSection.Exclusion);

        Assert.Equal(codes, conditions.Select(c => c.Code!.Code));
        Assert.All(conditions, c => Assert.True(c.Exclude && !c.Negated));
        Assert.All(conditions, c => Assert.Equal("http://snomed.info/sct", c.Code!.System));
    }

    [Theory]
    [InlineData("Female subjects have a negative urine or serum pregnancy.", Pregnancy)]
    [InlineData("Serum or urine pregnancy test must be negative in premenopausal women", Pregnancy)]
    [InlineData("Male or non-pregnant female adult", Pregnancy)]
    [InlineData("HIV negative", Hiv)]
    [InlineData("No history of HIV, hepatitis B, or syphilis", Hiv)]
    [InlineData("must have a negative urine pregnancy test result and must not be lactating", Lactation)]
    [InlineData("Blood pregnancy test is negative before enrollment and patients must be non-lactating", Lactation)]
    public void ParseItem_NegatedInclusion_Excludes(string text, string code)
    {
        var condition = Parse.Item(text, CriterionKind.Condition).First(c => c.Code!.Code == code);

        Assert.True(condition.Negated);
        Assert.True(condition.Exclude);
    }

    [Fact]
    public void ParseItem_ListAfterNegation_IsNegatedWhole()
    {
        var conditions = Parse.Item("No history of HIV, hepatitis B, or syphilis", CriterionKind.Condition);

        Assert.Equal([Hiv, HepatitisB, Syphilis], conditions.Select(c => c.Code!.Code));
        Assert.All(conditions, c => Assert.True(c.Negated));
    }

    [Fact]
    public void ParseItem_NegationOfAnotherWord_DoesNotReachTheList()
    {
        var conditions = Parse.Item("women without contraception, pregnant, or nursing", CriterionKind.Condition, CriteriaSection.Exclusion);

        Assert.Equal([Pregnancy, Lactation], conditions.Select(c => c.Code!.Code));
        Assert.All(conditions, c => Assert.True(c.Exclude && !c.Negated));
    }

    [Fact]
    public void ParseItem_DoubleNegation_Cancels()
    {
        var condition = Assert.Single(Parse.Item("women of childbearing potential without a negative pregnancy test", CriterionKind.Condition, CriteriaSection.Exclusion));

        Assert.False(condition.Negated);
        Assert.True(condition.Exclude);
    }

    [Theory]
    [InlineData("Pulmonary symptoms suggestive of TB (cough >2 weeks in duration)")]
    [InlineData("Participants with a family history of malignant tumors.")]
    [InlineData("human immunodeficiency virus (HIV)-associated PAH")]
    [InlineData("Willing to undergo HIV testing")]
    [InlineData("Currently pregnant women are excluded, planning to become pregnant")]
    [InlineData("Active HIV infection, except for patients with hepatitis C carriers")]
    [InlineData("Agrees to not participate in another clinical trial for the treatment of COVID-19 or SARS-CoV-2 through Day 29.")]
    [InlineData("latent tuberculosis infection (LTBI)")]
    public void ParseItem_HedgesFamilyHistoryAndTopics_AreNotThePatientsCondition(string text)
    {
        var codes = Parse.Item(text, CriterionKind.Condition).Select(c => c.Code!.Code).ToList();

        Assert.DoesNotContain(Tuberculosis, codes);
        Assert.DoesNotContain(HepatitisC, codes);
        Assert.DoesNotContain("363346000", codes);
        Assert.DoesNotContain("840539006", codes);
        Assert.True(!codes.Contains(Hiv) || text.StartsWith("Active HIV", StringComparison.Ordinal), string.Join(",", codes));
    }

    [Fact]
    public void ParseItem_PlannedPregnancy_IsNotPregnancy()
    {
        var conditions = Parse.Item("Women who ready for pregnancy or lactating", CriterionKind.Condition, CriteriaSection.Exclusion);

        Assert.Equal([Lactation], conditions.Select(c => c.Code!.Code));
    }

    [Fact]
    public void ParseItem_SameConditionTwice_IsKeptOnce()
    {
        var conditions = Parse.Item("Pregnant women, or women of childbearing potential without a negative pregnancy test", CriterionKind.Condition, CriteriaSection.Exclusion);

        Assert.Single(conditions);
    }

    [Fact]
    public void ParseItem_StudyParticipationAndConsent_UseFhirTrialsCodes()
    {
        var criteria = Parse.Item("Signed informed consent; participation in another clinical trial within 30 days", CriteriaSection.Inclusion);

        Assert.Contains(criteria, c => c.Kind == CriterionKind.Consent && c.Code!.Code == "informed-consent");
        Assert.Contains(criteria, c => c.Kind == CriterionKind.StudyParticipation && c.Code!.Code == "trial-participation");
    }
}
