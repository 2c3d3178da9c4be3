using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using static FhirTrials.Eligibility.Tests.Matching.Support.GroupBuilder;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>Laboratory values, BMI, vital signs and scores: codes and equivalents, unit conversion, multiples of a normal limit.</summary>
public sealed class MeasurementMatchingTests
{
    private static CriterionResult One(GroupBuilder group, string patient) => Assert.Single(Match(group.Build(), patient).Criteria);

    [Theory]
    [InlineData(18.5, 35, CriterionOutcome.Met)]
    [InlineData(25, 35, CriterionOutcome.NotMet)]
    [InlineData(18.5, 24.2, CriterionOutcome.Met)]
    public void Match_BmiRange_IsInclusive(double low, double high, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().Between("inclusion/2", Loinc, "39156-5", "BMI", (decimal)low, (decimal)high, "kg/m2"), "labs-female");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("Observation/bmi", Assert.Single(result.Evidence).Reference);
    }

    [Fact]
    public void Match_BmiMissing_IsUnknownForMissingData()
    {
        var result = One(new GroupBuilder().Between("inclusion/2", Loinc, "39156-5", "BMI", 18.5m, 35, "kg/m2"), "minimal-male");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
        Assert.Contains("no Observation coded LOINC 39156-5", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_WbcCodedWithEquivalentLoinc_ConvertsThousandsPerMicrolitre()
    {
        var result = One(new GroupBuilder().Threshold("exclusion/1", Loinc, "6690-2", "WBC", "<", 3.5m, "10*9/L", exclude: true), "labs-female");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.True(result.SupportsEligibility);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("Observation/wbc", evidence.Reference);
        Assert.Equal("6.1 10*3/uL = 6.1 10*9/L (×1)", evidence.Conversion);
        Assert.Contains(result.Messages, m => m.Contains("26464-8", StringComparison.Ordinal) && m.Contains("same analyte", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_PlateletsInTheCriterionUnit_NeedNoConversion()
    {
        var result = One(new GroupBuilder().Threshold("exclusion/1", Loinc, "777-3", "Platelets", "<", 100, "10*9/L", exclude: true), "labs-female");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.Null(Assert.Single(result.Evidence).Conversion);
        Assert.Equal(250, result.Evidence[0].Compared!.Value);
    }

    [Theory]
    [InlineData("<", 100, CriterionOutcome.NotMet)]
    [InlineData("<", 130, CriterionOutcome.Met)]
    [InlineData("<=", 128, CriterionOutcome.Met)]
    [InlineData("<", 128, CriterionOutcome.NotMet)]
    public void Match_HemoglobinInGramsPerDecilitre_AgainstGramsPerLitre_NamesTheConversion(string comparator, int threshold, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().Threshold("exclusion/1", Loinc, "718-7", "Hemoglobin", comparator, threshold, "g/L", exclude: true), "labs-female");

        Assert.Equal(expected, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("12.8 g/dL = 128 g/L (×10)", evidence.Conversion);
        Assert.Equal(new EvidenceQuantity(128, "g/L", "http://unitsofmeasure.org", "g/L"), evidence.Compared);
        Assert.Equal("12.8 g/dL", evidence.Value);
        Assert.Equal("2025-06-01", evidence.Date);
    }

    [Fact]
    public void Match_SeveralHemoglobins_UsesTheMostRecentAndIgnoresEnteredInError()
    {
        // hb-old 9.0 (2024), hb 12.8 (2025-06-01), hb-error 7.0 (2025-06-10, entered-in-error)
        var result = One(new GroupBuilder().Threshold("inclusion/1", Loinc, "718-7", "Hemoglobin", ">=", 12, "g/dL"), "labs-female");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal("Observation/hb", Assert.Single(result.Evidence).Reference);
        Assert.Contains("the most recent of 2 observations is used", result.Messages);
    }

    [Fact]
    public void Match_BilirubinInMicromoles_AgainstMilligramsPerDecilitre_ConvertsByMolarMass()
    {
        var result = One(new GroupBuilder().Threshold("inclusion/1", Loinc, "1975-2", "Bilirubin", "<=", 1.5m, "mg/dL"), "labs-female");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal("30 umol/L = 1.75398 mg/dL (bilirubin, molar mass 584.66 g/mol)", evidence.Conversion);
        Assert.Equal("Observation/bilirubin", evidence.Reference);
    }

    [Fact]
    public void Match_HemoglobinInMillimoles_HasNoStandardConversion_IsUnknown()
    {
        var result = One(new GroupBuilder().Threshold("inclusion/1", Loinc, "718-7", "Hemoglobin", ">=", 6, "mmol/L"), "labs-female");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.UnitConversion), (result.Outcome, result.Reason));
        Assert.Contains("no molar mass", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_UpperLimitMultiple_DividesByReferenceRangeHigh()
    {
        var result = One(new GroupBuilder().Multiple("exclusion/1", "1742-6", "ALT", ">", 2), "labs-female");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.False(result.SupportsEligibility);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(new EvidenceQuantity(2.375m, "× ULN", EligibilitySystem, "uln-multiple"), evidence.Compared);
        Assert.Equal(new EvidenceQuantity(40, "U/L", "http://unitsofmeasure.org", "U/L"), evidence.RangeHigh);
        Assert.Contains("reference range <= 40 U/L: 2.375 × ULN", evidence.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_UpperLimitMultiple_WithoutReferenceRange_IsUnknownAndSaysWhy()
    {
        var result = One(new GroupBuilder().Multiple("exclusion/1", "1920-8", "AST", ">", 2), "labs-female");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.NoReferenceRange), (result.Outcome, result.Reason));
        Assert.Equal("Observation/ast has no referenceRange.high, so 2 × ULN cannot be computed; the laboratory's normal range is needed", result.Messages[0]);
        Assert.Equal("Observation/ast", Assert.Single(result.Evidence).Reference);
    }

    [Theory]
    [InlineData("1975-2", 1.5, CriterionOutcome.NotMet)]
    [InlineData("1975-2", 1.4, CriterionOutcome.Met)]
    [InlineData("2160-0", 1, CriterionOutcome.NotMet)]
    public void Match_UpperLimitMultiple_OnEquivalentCodesAndOtherUnits(string loinc, double multiple, CriterionOutcome expected)
    {
        // bilirubin 30 umol/L of 21 (1.43 × ULN); creatinine 0.9 mg/dL of 1.1 (0.82 × ULN)
        var result = One(new GroupBuilder().Multiple("exclusion/1", loinc, "lab", ">", (decimal)multiple), "labs-female");

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void Match_LowerLimitMultiple_DividesByReferenceRangeLow()
    {
        var result = One(new GroupBuilder().Multiple("inclusion/1", "2160-0", "Creatinine", ">=", 1.5m, upper: false, exclude: false), "labs-female");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal(1.8m, result.Evidence[0].Compared!.Value);
        Assert.Equal("× LLN", result.Evidence[0].Compared!.Unit);
    }

    [Theory]
    [InlineData("pasi", ">", 10, CriterionOutcome.Met)]
    [InlineData("pasi", ">", 14, CriterionOutcome.NotMet)]
    [InlineData("pga", ">=", 3, CriterionOutcome.Met)]
    [InlineData("pga", ">=", 4, CriterionOutcome.NotMet)]
    public void Match_Scores_AreObservationsWithTheSameCode(string code, string comparator, int threshold, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().Threshold("inclusion/3", EligibilitySystem, code, code, comparator, threshold, null), "labs-female");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal("Observation/" + code, Assert.Single(result.Evidence).Reference);
    }

    [Fact]
    public void Match_ScoreMissing_IsUnknown()
    {
        var result = One(new GroupBuilder().Threshold("inclusion/1", EligibilitySystem, "sledai", "SLEDAI", ">=", 8, null), "labs-female");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
    }

    [Fact]
    public void Match_SystolicPressure_IsReadFromTheBloodPressurePanelComponent()
    {
        var result = One(new GroupBuilder().Threshold("inclusion/1", Loinc, "8480-6", "Systolic blood pressure", "<", 140, "mm[Hg]"), "labs-female");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("Observation/bp", "Observation.component[0].valueQuantity"), (evidence.Reference, evidence.Element));
    }

    [Fact]
    public void Match_UnitWrittenAsTextOnly_IsReadAsUcum_AndOtherPatientsResultsAreLeftOut()
    {
        var result = Match(new GroupBuilder().Threshold("inclusion/1", Loinc, "718-7", "Hemoglobin", ">=", 10, "g/dL").Build(), "no-demographics");

        var criterion = Assert.Single(result.Criteria);
        Assert.Equal(CriterionOutcome.Met, criterion.Outcome);
        Assert.Equal("Observation/hb", criterion.Evidence[0].Reference);
        Assert.Contains(criterion.Messages, m => m.Contains("unit read from the text 'g/dl'", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.Contains("Observation/other-patient-hb is about Patient/someone-else", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2, "wk", CriterionOutcome.Met)]
    [InlineData(1, "wk", CriterionOutcome.Unknown)]
    public void Match_MeasurementWithinAWindow_UsesOnlyObservationsInIt(int value, string unit, CriterionOutcome expected)
    {
        var result = One(new GroupBuilder().Threshold("inclusion/1", Loinc, "718-7", "Hemoglobin", ">=", 12, "g/dL", window: new Window(value, unit, "within")), "labs-female");

        Assert.Equal(expected, result.Outcome);
        if (expected == CriterionOutcome.Unknown)
        {
            Assert.Equal(UnknownReason.MissingData, result.Reason);
            Assert.Contains(result.Messages, m => m.StartsWith("Observation/hb is not used: 2025-06-01 is not in the window since 2025-06-08", StringComparison.Ordinal));
        }
    }
}
