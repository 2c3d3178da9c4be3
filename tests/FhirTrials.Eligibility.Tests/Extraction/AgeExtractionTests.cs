using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class AgeExtractionTests
{
    [Theory]
    [InlineData("Age ≥18 years", Comparator.GreaterOrEqual, 18)]
    [InlineData("Age over 18 years.", Comparator.GreaterThan, 18)]
    [InlineData("Age ≤18, male or female;", Comparator.LessOrEqual, 18)]
    [InlineData("Adults 22 years or older at the time of screening", Comparator.GreaterOrEqual, 22)]
    [InlineData("Subject must be at least 4 years of age.", Comparator.GreaterOrEqual, 4)]
    [InlineData("Under 19 years old", Comparator.LessThan, 19)]
    [InlineData("Male and female, 18 years of age and older.", Comparator.GreaterOrEqual, 18)]
    [InlineData("Subject is 6 years or older", Comparator.GreaterOrEqual, 6)]
    [InlineData("nineteen (19) years or older", Comparator.GreaterOrEqual, 19)]
    [InlineData("Male or non-pregnant female adult > / = 18 years of age at time of enrollment.", Comparator.GreaterOrEqual, 18)]
    [InlineData("Patients aged 15 years or older at informed consent", Comparator.GreaterOrEqual, 15)]
    public void ParseItem_OneSidedAge_ReadsLimit(string text, Comparator comparator, int value)
    {
        var age = Assert.Single(Parse.Item(text, CriterionKind.Age));

        Assert.Equal((comparator, (decimal)value, "a"), (age.Comparator!.Value, age.Value!.Value, age.Unit!));
        Assert.Equal(Codes(age), ("http://snomed.info/sct", "397669002"));
    }

    [Theory]
    [InlineData("18-75years old, male or female.", 18, 75)]
    [InlineData("18 Years to 65 Years old", 18, 65)]
    [InlineData("man or woman aged from 15 to 60 years old", 15, 60)]
    [InlineData("Age limits:18 to 70 years old.", 18, 70)]
    [InlineData("Children between 5-11 years of age, inclusive, at enrollment.", 5, 11)]
    [InlineData("Participant must be 18 to 75 years of age (inclusive)", 18, 75)]
    [InlineData("Healthy male adult 19 to 45 years", 19, 45)]
    [InlineData("Aged 14 to 65 years.", 14, 65)]
    [InlineData("Healthy volunteers 19 to 45 yrs", 19, 45)]
    public void ParseItem_AgeRange_ReadsBounds(string text, int low, int high)
    {
        var age = Assert.Single(Parse.Item(text, CriterionKind.Age));

        Assert.Equal((Comparator.Range, (decimal)low, (decimal)high), (age.Comparator!.Value, age.Low!.Value, age.High!.Value));
    }

    [Theory]
    [InlineData("Chemotherapy 4 to 8 weeks before enrolment")]
    [InlineData("Hemoglobin 9 to 12 g/dL within 14 days")]
    [InlineData("No surgery in the past 18 to 24 months")]
    public void ParseItem_RangeNotInYears_IsNoAge(string text) => Assert.Empty(Parse.Item(text, CriterionKind.Age));

    [Fact]
    public void ParseItem_AgeInMonths_KeepsTheUnit()
    {
        var age = Assert.Single(Parse.Item("Infants less than 6 months old", CriterionKind.Age));

        Assert.Equal((Comparator.LessThan, 6m, "mo"), (age.Comparator!.Value, age.Value!.Value, age.Unit!));
    }

    [Fact]
    public void ParseItem_SecondBound_IsReadToo()
    {
        var ages = Parse.Item("Population over 18 years of age up to 70, sample size 30.", CriterionKind.Age);

        Assert.Equal([(Comparator.GreaterThan, 18m), (Comparator.LessOrEqual, 70m)], ages.Select(a => (a.Comparator!.Value, a.Value!.Value)));
    }

    [Fact]
    public void ParseItem_ExcludedUpperBound_GivesTwoCriteria()
    {
        var ages = Parse.Item("Age 4 to <8 years (phase 1)", CriterionKind.Age);

        Assert.Equal([(Comparator.GreaterOrEqual, 4m), (Comparator.LessThan, 8m)], ages.Select(a => (a.Comparator!.Value, a.Value!.Value)));
    }

    [Fact]
    public void ParseItem_ExclusionSection_ExcludesTheAge()
    {
        var age = Assert.Single(Parse.Item("Subject is 18 years of age or older.", CriterionKind.Age, CriteriaSection.Exclusion));

        Assert.True(age.Exclude);
    }

    [Theory]
    [InlineData("Life expectancy of at least 3 months.")]
    [InlineData("At least 2 year history of episodic cluster headache")]
    [InlineData("Diabetes mellitus type 1 for at least 12 months prior to screening")]
    [InlineData("hemoglobin levels below 11.5 g/dL for subjects aged 6-11 years old")]
    [InlineData("Children aged 5-8 years must have received at least 2 doses of influenza vaccine.")]
    [InlineData("Subject must provide written informed assent (subjects aged 13 to 17 only).")]
    [InlineData("If 6 year of age or older and weighing at least 19 kg, willing to allow blood samples")]
    [InlineData("Women of childbearing age must use contraception")]
    public void ParseItem_DurationsAndSubGroups_AreNotAgeLimits(string text) => Assert.Empty(Parse.Item(text, CriterionKind.Age));

    private static (string, string) Codes(StructuredCriterion c) => (c.Code!.System, c.Code.Code);
}
