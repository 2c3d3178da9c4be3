using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class FreeTextTests
{
    [Theory]
    [InlineData("Able to read and write English.", CriteriaSection.Inclusion)]
    [InlineData("Other cases which researchers believe that can not enroll.", CriteriaSection.Exclusion)]
    public void ParseItem_NothingToStructure_KeepsTheTextAsOneCriterion(string text, CriteriaSection section)
    {
        var criterion = Assert.Single(Parse.Item(text, section));

        Assert.Equal(CriterionKind.FreeText, criterion.Kind);
        Assert.True(criterion.IsTextOnly);
        Assert.Equal(text, criterion.Source.Text);
        Assert.Equal(text, criterion.ItemText);
        Assert.Equal(section == CriteriaSection.Exclusion, criterion.Exclude);
        Assert.Equal("free-text", criterion.Code!.Code);
    }

    [Fact]
    public void ParseItem_EmptyText_KeepsAnEmptyFreeTextCriterion() =>
        Assert.Equal(CriterionKind.FreeText, Assert.Single(Parse.Item("")).Kind);
}
