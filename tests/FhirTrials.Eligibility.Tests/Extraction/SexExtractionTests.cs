using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class SexExtractionTests
{
    [Theory]
    [InlineData("Male", "male")]
    [InlineData("Women ≥ 18 years old", "female")]
    [InlineData("Adult male subjects 40 to 65 years of age, inclusive.", "male")]
    [InlineData("men with hepatitis C men diagnosis", "male")]
    [InlineData("Postmenopausal women", "female")]
    [InlineData("Sex: female", "female")]
    [InlineData("Healthy male adult 19 to 45 years", "male")]
    public void ParseItem_Restriction_ReadsSex(string text, string sex)
    {
        var criterion = Assert.Single(Parse.Item(text, CriterionKind.Sex));

        Assert.Equal(sex, criterion.ValueCode!.Code);
        Assert.Equal("http://hl7.org/fhir/administrative-gender", criterion.ValueCode.System);
        Assert.False(criterion.Exclude);
    }

    [Theory]
    [InlineData("Male or female, aged 18 or older")]
    [InlineData("Healthy male and female subjects 18 to 65 years of age")]
    [InlineData("Women of childbearing potential must use contraception")]
    [InlineData("Male subjects should be willing to use a condom")]
    [InlineData("Female patients with childbearing potential must use highly effective contraception")]
    [InlineData("Female subjects have a negative urine or serum pregnancy.")]
    [InlineData("Pre- and postmenopausal women or men with Stage II breast cancer")]
    [InlineData("Male≥50kg, female≥45kg")]
    [InlineData("Female Participants: A female participant is eligible if she is not pregnant")]
    [InlineData("If female and of childbearing potential, have a negative pregnancy test")]
    public void ParseItem_NotARestriction_ReadsNoSex(string text) => Assert.Empty(Parse.Item(text, CriterionKind.Sex));

    [Theory]
    [InlineData("Men with sickle cell anemia")]
    [InlineData("Women who are pregnant")]
    public void ParseItem_ExclusionNamingAGroupWithACondition_ReadsNoSex(string text) =>
        Assert.Empty(Parse.Item(text, CriterionKind.Sex, CriteriaSection.Exclusion));

    [Fact]
    public void ParseItem_BareSexInExclusion_ExcludesIt()
    {
        var criterion = Assert.Single(Parse.Item("Males.", CriterionKind.Sex, CriteriaSection.Exclusion));

        Assert.True(criterion.Exclude);
        Assert.Equal("male", criterion.ValueCode!.Code);
    }
}
