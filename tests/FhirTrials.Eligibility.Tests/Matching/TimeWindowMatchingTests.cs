using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>criterion-time-window against Condition onset / recorded date, medication and procedure times and study periods, at 2025-06-15.</summary>
public sealed class TimeWindowMatchingTests
{
    private static CriterionResult One(GroupBuilder group, string patient) => Assert.Single(Match(group.Build(), patient).Criteria);

    [Theory]
    [InlineData(6, "mo", CriterionOutcome.Met)]
    [InlineData(1, "mo", CriterionOutcome.NotMet)]
    [InlineData(106, "d", CriterionOutcome.Met)]
    [InlineData(105, "d", CriterionOutcome.NotMet)]
    public void Match_ConditionWithin_ComparesTheOnset(int value, string unit, CriterionOutcome expected)
    {
        // myocardial infarction: onset 2025-03-01, resolved 2025-03-20
        var result = One(new GroupBuilder().Condition("exclusion/2", "22298006", "Myocardial infarction", exclude: true, window: new Window(value, unit, "within")), "history");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("Condition/mi", result.Evidence[0].Reference);
        Assert.Contains(result.Messages, m => m.StartsWith("onset 2025-03-01 is", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6, "mo", "at-least", CriterionOutcome.Met)]
    [InlineData(3, "mo", "at-most", CriterionOutcome.NotMet)]
    [InlineData(1, "mo", "within", CriterionOutcome.NotMet)]
    [InlineData(1, "a", "at-least", CriterionOutcome.Unknown)]
    public void Match_ConditionWithOnlyARecordedDate_KnowsTheOnsetWasNoLater(int value, string unit, string relation, CriterionOutcome expected)
    {
        // interstitial lung disease: recorded 2024-10-01, no onset
        var result = One(new GroupBuilder().Condition("inclusion/1", "233703007", "ILD", window: new Window(value, unit, relation)), "history");

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(result.Messages, m => m.Contains("no later than 2024-10-01 (recorded)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(6, "at-least", CriterionOutcome.NotMet)]
    [InlineData(5, "at-least", CriterionOutcome.Met)]
    [InlineData(6, "at-most", CriterionOutcome.Met)]
    public void Match_ConditionDuration_RunsFromOnsetToTheEvaluationDate(int months, string relation, CriterionOutcome expected)
    {
        // psoriasis since 2025-01-10: five months and five days
        var result = One(new GroupBuilder().Condition("inclusion/3", "9014002", "Psoriasis", window: new Window(months, "mo", relation)), "history");

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Match_OnsetYearOnly_StraddlingTheWindow_IsUndetermined()
    {
        var result = One(new GroupBuilder().Condition("exclusion/1", "195967001", "Asthma", exclude: true, window: new Window(3, "mo", "within")), "history");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Undetermined), (result.Outcome, result.Reason));
        Assert.Contains(result.Messages, m => m.Contains("may or may not be in the window since 2025-03-15", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("systemic therapy", 1, "mo", CriterionOutcome.Met, "MedicationStatement/methotrexate")]
    [InlineData("biological agents", 3, "mo", CriterionOutcome.NotMet, "MedicationStatement/adalimumab")]
    [InlineData("biological agents", 12, "mo", CriterionOutcome.Met, "MedicationStatement/adalimumab")]
    [InlineData("glucocorticoids", 1, "wk", CriterionOutcome.Met, "MedicationStatement/prednisolone")]
    public void Match_TherapyWithin_CountsAnyOverlapWithTheWindow(string words, int value, string unit, CriterionOutcome expected, string reference)
    {
        var result = One(new GroupBuilder().Therapy("exclusion/3", words, exclude: true, window: new Window(value, unit, "within")), "therapies");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(reference, result.Evidence[0].Reference);
    }

    [Theory]
    [InlineData(3, CriterionOutcome.Met)]
    [InlineData(6, CriterionOutcome.Unknown)]
    public void Match_ProcedureBefore_NeedsTheEventAtLeastThatLongAgo(int months, CriterionOutcome expected)
    {
        // stem cell transplant performed 2025-02-01; an appendectomy (another SNOMED procedure) cannot be classified
        var result = One(new GroupBuilder().Therapy("inclusion/4", "stem cell transplantation", window: new Window(months, "mo", "before")), "therapies");

        Assert.Equal(expected, result.Outcome);
        Assert.Contains(result.Evidence, e => e.Reference == "Procedure/hsct");
        if (expected == CriterionOutcome.Unknown)
        {
            Assert.Equal(UnknownReason.Terminology, result.Reason);
            Assert.Contains(result.Messages, m => m.Contains("Appendectomy may be a kind of stem cell transplantation", StringComparison.Ordinal));
            Assert.Contains(result.Messages, m => m.Contains("2025-02-01 is not on or before 2024-12-15", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(3, CriterionOutcome.Met)]
    [InlineData(2, CriterionOutcome.NotMet)]
    public void Match_StudyParticipationWithin_ComparesTheResearchSubjectPeriod(int months, CriterionOutcome expected)
    {
        // off-study, 2025-01-01 to 2025-04-01
        var result = One(new GroupBuilder().Participation("exclusion/5", window: new Window(months, "mo", "within")), "therapies");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(("ResearchSubject/previous-trial", "2025-01-01 to 2025-04-01"), (result.Evidence[0].Reference, result.Evidence[0].Date));
    }

    [Fact]
    public void Match_StudyParticipationWithoutResearchSubjects_IsUnknown()
    {
        var result = One(new GroupBuilder().Participation("exclusion/5", window: new Window(3, "mo", "within")), "labs-female");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
    }
}
