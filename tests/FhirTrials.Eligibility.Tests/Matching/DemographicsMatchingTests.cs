using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>Age from Patient.birthDate at the evaluation date, sex from Patient.gender.</summary>
public sealed class DemographicsMatchingTests
{
    private static CriterionResult One(GroupBuilder group, string patient, MatchOptions? options = null) =>
        Assert.Single(EligibilityMatcher.Default.Match(group.Build(), Patient(patient), options ?? Options).Criteria);

    [Theory]
    [InlineData(18, 65, CriterionOutcome.Met)]
    [InlineData(40, 40, CriterionOutcome.Met)]
    [InlineData(18, 39, CriterionOutcome.NotMet)]
    [InlineData(41, null, CriterionOutcome.NotMet)]
    public void Match_RecordAgeRange_ComparesWholeYearsAtTheEvaluationDate(int low, int? high, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().RecordAge(low, high), "labs-female");

        Assert.Equal(expected, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("Patient/labs-female", evidence.Reference);
        Assert.Equal("urn:uuid:labs-female-patient-labs-female", evidence.FullUrl);
        Assert.Equal(new EvidenceQuantity(40, "a", "http://unitsofmeasure.org", "a"), evidence.Compared);
        Assert.Contains("aged 40 years on 2025-06-15", evidence.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2003-03-19T12:00:00Z", CriterionOutcome.NotMet)]
    [InlineData("2003-03-20T00:00:00Z", CriterionOutcome.Met)]
    public void Match_EighteenthBirthday_IsDecidedByTheInjectedClock(string now, CriterionOutcome expected)
    {
        var options = new MatchOptions { TimeProvider = new FixedTimeProvider(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)) };

        var result = One(new GroupBuilder().RecordAge(18, null), "labs-female", options);

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Match_EvaluationDateOption_OverridesTheClock()
    {
        var options = Options with { EvaluationDate = new DateOnly(2003, 3, 19) };

        var result = EligibilityMatcher.Default.Match(new GroupBuilder().RecordAge(18, null).Build(), Patient("labs-female"), options);

        Assert.Equal(CriterionOutcome.NotMet, Assert.Single(result.Criteria).Outcome);
        Assert.Equal(new DateOnly(2003, 3, 19), result.EvaluationDate);
    }

    [Theory]
    [InlineData(">=", 40, CriterionOutcome.Met)]
    [InlineData(">", 40, CriterionOutcome.NotMet)]
    [InlineData("<", 41, CriterionOutcome.Met)]
    public void Match_AgeThresholdFromText_UsesTheComparator(string comparator, int value, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().AgeThreshold("inclusion/1", comparator, value), "labs-female");

        Assert.Equal(expected, result.Outcome);
    }

    [Theory]
    [InlineData(18, 80, CriterionOutcome.Met)]
    [InlineData(76, 90, CriterionOutcome.NotMet)]
    [InlineData(18, 74, CriterionOutcome.Unknown)]
    public void Match_BirthYearOnly_DecidesWhenEveryPossibleAgeAgrees(int low, int high, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().RecordAge(low, high), "minimal-male");

        Assert.Equal(expected, result.Outcome);
        if (expected == CriterionOutcome.Unknown)
        {
            Assert.Equal(UnknownReason.Undetermined, result.Reason);
            Assert.Contains(result.Messages, m => m.Contains("too coarse", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Match_NoBirthDate_IsUnknownForMissingData()
    {
        var result = One(new GroupBuilder().RecordAge(18, 65), "no-demographics");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
        Assert.Contains(result.Messages, m => m.Contains("no birthDate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("labs-female", "female", CriterionOutcome.Met)]
    [InlineData("labs-female", "male", CriterionOutcome.NotMet)]
    [InlineData("minimal-male", "male", CriterionOutcome.Met)]
    [InlineData("no-demographics", "female", CriterionOutcome.Unknown)]
    public void Match_Sex_ComparesPatientGender(string patient, string gender, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().RecordSex(gender), patient);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(expected == CriterionOutcome.Unknown ? UnknownReason.MissingData : UnknownReason.None, result.Reason);
    }
}
