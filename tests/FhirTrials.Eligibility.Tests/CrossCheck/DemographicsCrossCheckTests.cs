using FhirTrials.Eligibility.CrossCheck;
using FhirTrials.Eligibility.Model;

namespace FhirTrials.Eligibility.Tests.CrossCheck;

public sealed class DemographicsCrossCheckTests
{
    private static DemographicsReport Check(string criteria, string? min, string? max, string? sex) =>
        EligibilityCriteriaParser.Parse(criteria, new EligibilityContext(min, max, sex)).Demographics!;

    [Fact]
    public void Check_TextAndRecordAgree_ReportsAgreement()
    {
        var report = Check("Inclusion Criteria:\n\n* Age 18 to 65 years old\n* Female", "18 Years", "65 Years", "FEMALE");

        Assert.All(report.Findings, f => Assert.Equal(AgreementStatus.Agree, f.Status));
        Assert.False(report.HasConflict);
    }

    [Fact]
    public void Check_DifferentMaximum_ReportsConflict()
    {
        var report = Check("Inclusion Criteria:\n\n* Aged 18 to 70 years", "18 Years", "65 Years", "ALL");

        Assert.Equal(AgreementStatus.Conflict, report["maximumAge"]!.Status);
        Assert.Contains("70", report["maximumAge"]!.Message, StringComparison.Ordinal);
        Assert.True(report.HasConflict);
    }

    [Fact]
    public void Check_StrictComparator_AgreesWithTheNextWholeYear()
    {
        var report = Check("Inclusion Criteria:\n\n* Age ≥18 years and <80 years old", "18 Years", "79 Years", "ALL");

        Assert.Equal(AgreementStatus.Agree, report["maximumAge"]!.Status);
    }

    [Fact]
    public void Check_ExclusionUnderAge_IsAMinimum()
    {
        var report = Check("Exclusion Criteria:\n\n• Under 19 years old", "19 Years", null, "ALL");

        Assert.Equal(AgreementStatus.Agree, report["minimumAge"]!.Status);
        Assert.Equal(AgreementStatus.Absent, report["maximumAge"]!.Status);
    }

    [Fact]
    public void Check_ExclusionCombiningAgeWithOtherCriteria_IsNotAnAgeLimit()
    {
        var report = Check("Exclusion Criteria:\n\n* Subject is 6 years or older and weighs less than 19 kg", "4 Years", "17 Years", "ALL");

        Assert.Equal(AgreementStatus.RecordOnly, report["maximumAge"]!.Status);
    }

    [Fact]
    public void Check_SexRestrictedInTextOnly_ReportsConflictWithAll()
    {
        var report = Check("Inclusion Criteria:\n\n* Postmenopausal women", null, null, "ALL");

        Assert.Equal(AgreementStatus.Conflict, report["sex"]!.Status);
        Assert.Equal("female", report["sex"]!.TextValue);
    }

    [Fact]
    public void Check_SexRestrictedInRecordOnly_ReportsRecordOnly()
    {
        var report = Check("Inclusion Criteria:\n\n* Erectile dysfunction for at least 6 months", null, null, "MALE");

        Assert.Equal(AgreementStatus.RecordOnly, report["sex"]!.Status);
    }

    [Theory]
    [InlineData("18 Years", 18, "a")]
    [InlineData("6 Months", 6, "mo")]
    [InlineData("2 Weeks", 2, "wk")]
    [InlineData("30 Days", 30, "d")]
    public void AgeLimit_Parse_ReadsClinicalTrialsGovAges(string text, int value, string unit)
    {
        var age = AgeLimit.Parse(text);

        Assert.NotNull(age);
        Assert.Equal(((decimal)value, unit), (age.Value.Value, age.Value.Unit));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("N/A")]
    [InlineData("eighteen")]
    public void AgeLimit_Parse_NotAnAge_ReturnsNull(string? text) => Assert.Null(AgeLimit.Parse(text));
}
