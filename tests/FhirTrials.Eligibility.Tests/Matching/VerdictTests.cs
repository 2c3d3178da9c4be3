using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using static FhirTrials.Eligibility.Tests.Matching.Support.GroupBuilder;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>The study verdict: ineligible, needs review, eligible; "or" alternatives; registry vs text conflicts.</summary>
public sealed class VerdictTests
{
    /// <summary>Criteria labs-female meets: age 18-65, hemoglobin >= 12 g/dL, no malignancy, ALT not above 3 x ULN, consent.</summary>
    private static GroupBuilder Structured() => new GroupBuilder()
        .RecordAge(18, 65)
        .HealthyVolunteers(false)
        .Consent("inclusion/1")
        .Threshold("inclusion/2", Loinc, "718-7", "Hemoglobin", ">=", 12, "g/dL")
        .Condition("exclusion/1", "363346000", "Malignant neoplastic disease", exclude: true)
        .Multiple("exclusion/2", "1742-6", "ALT", ">", 3);

    [Fact]
    public void Match_EveryCriterionAllows_IsEligible_ConsentAside()
    {
        var result = Match(Structured().Build(), "labs-female");

        Assert.Equal(StudyOutcome.Eligible, result.Outcome);
        Assert.Equal("eligible: all 5 evaluated criteria allow it; 1 checked at enrolment (consent)", Assert.Single(result.Messages));
        Assert.Equal(UnknownReason.AtEnrolment, result.Criteria[2].Reason);
    }

    [Fact]
    public void Match_InclusionNotMet_IsIneligible()
    {
        var result = Match(Structured().Threshold("inclusion/3", Loinc, "777-3", "Platelets", ">=", 300, "10*9/L").Build(), "labs-female");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        Assert.Equal("ineligible: [inclusion/3] Platelets >= 300 10*9/L is not met", Assert.Single(result.Messages));
    }

    [Fact]
    public void Match_ExclusionMet_IsIneligible()
    {
        var result = Match(Structured().Multiple("exclusion/3", "1742-6", "ALT", ">", 2).Build(), "labs-female");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        Assert.Equal("ineligible: [exclusion/3] ALT > 2 × ULN is met", Assert.Single(result.Messages));
    }

    [Fact]
    public void Match_NegatedInclusionMet_IsIneligible()
    {
        var result = Match(Structured().Condition("inclusion/4", "9014002", "Psoriasis", exclude: true).Build(), "labs-female");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        Assert.False(result.Criteria[^1].SupportsEligibility);
    }

    [Fact]
    public void Match_UnknownCriterion_NeedsReview()
    {
        var result = Match(Structured().Multiple("exclusion/3", "1920-8", "AST", ">", 2).Build(), "labs-female");

        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
        Assert.Equal("needs review: 1 criteria unknown (1 no-reference-range)", Assert.Single(result.Messages));
    }

    [Fact]
    public void Match_TextOnlyCriterion_NeedsReview_EvenWhenEverythingElseAllows()
    {
        var result = Match(Structured().FreeText("exclusion/3", "Serious allergic history", exclude: true).Build(), "labs-female");

        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
        var text = result.Criteria[^1];
        Assert.Equal((CharacteristicKind.FreeText, CriterionOutcome.Unknown, UnknownReason.TextOnly), (text.Kind, text.Outcome, text.Reason));
    }

    [Fact]
    public void Match_IneligibleWins_OverUnknown()
    {
        var result = Match(Structured().FreeText("exclusion/3", "Serious allergic history", exclude: true).RecordSex("male").Build(), "labs-female");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
    }

    private const string Activity = "DAS28 >= 3.2 or SDAI > 11";

    [Theory]
    [InlineData("pasi", "sledai", StudyOutcome.Eligible)]
    [InlineData("sledai", "pasi", StudyOutcome.Eligible)]
    [InlineData("sledai", "easi", StudyOutcome.NeedsReview)]
    public void Match_AlternativesJoinedByOr_OneMetIsEnough(string first, string second, StudyOutcome expected)
    {
        var group = new GroupBuilder()
            .Threshold("inclusion/4", EligibilitySystem, first, first, ">", 10, null, source: Source.Of(Activity, "DAS28 >= 3.2"))
            .Threshold("inclusion/4", EligibilitySystem, second, second, ">", 10, null, source: Source.Of(Activity, "SDAI > 11"));

        var result = Match(group.Build(), "labs-female");

        Assert.Equal(expected, result.Outcome);
        Assert.All(result.Criteria, c => Assert.Equal("inclusion/4", c.AlternativesOf));
    }

    [Fact]
    public void Match_AlternativesAllNotMet_IsIneligible()
    {
        var group = new GroupBuilder()
            .Threshold("inclusion/4", EligibilitySystem, "pasi", "PASI", ">", 20, null, source: Source.Of(Activity, "DAS28 >= 3.2"))
            .Threshold("inclusion/4", EligibilitySystem, "pga", "PGA", ">", 4, null, source: Source.Of(Activity, "SDAI > 11"));

        var result = Match(group.Build(), "labs-female");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        Assert.Equal(2, result.Messages.Count);
    }

    [Fact]
    public void Match_CriteriaJoinedByAnd_AreEachRequired()
    {
        const string Both = "DAS28 >= 3.2 and SDAI > 11";
        var group = new GroupBuilder()
            .Threshold("inclusion/4", EligibilitySystem, "pasi", "PASI", ">", 10, null, source: Source.Of(Both, "DAS28 >= 3.2"))
            .Threshold("inclusion/4", EligibilitySystem, "sledai", "SLEDAI", ">", 10, null, source: Source.Of(Both, "SDAI > 11"));

        var result = Match(group.Build(), "labs-female");

        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
        Assert.All(result.Criteria, c => Assert.Null(c.AlternativesOf));
    }

    [Fact]
    public void Match_TextAgeFailingWhereTheRegistryAgeHolds_IsAConflict_NotAnExclusion()
    {
        var result = Match(new GroupBuilder().RecordAge(18, 65).Age("inclusion/1", 18, 30).Build(), "labs-female");

        var text = result.Criteria[1];
        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Conflict), (text.Outcome, text.Reason));
        Assert.Contains(text.Messages, m => m.Contains("may describe a sub-group", StringComparison.Ordinal));
        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
    }

    [Fact]
    public void Match_HealthyVolunteers_IsInformational()
    {
        var result = Match(new GroupBuilder().HealthyVolunteers(true).Build(), "labs-female");

        var criterion = Assert.Single(result.Criteria);
        Assert.Equal((CharacteristicKind.HealthyVolunteers, CriterionOutcome.Met), (criterion.Kind, criterion.Outcome));
        Assert.Equal(StudyOutcome.Eligible, result.Outcome);
    }
}
