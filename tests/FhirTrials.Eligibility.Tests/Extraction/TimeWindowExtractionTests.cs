using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class TimeWindowExtractionTests
{
    [Theory]
    [InlineData("Patients who have received systemic therapy within recent one month", 1, "mo", "systemic therapy")]
    [InlineData("topical therapy in two weeks;", 2, "wk", "topical therapy")]
    [InlineData("Major surgery within 4 weeks of the first dose of study treatment;", 4, "wk", "surgery")]
    [InlineData("History of falls in the past 6 months,", 6, "mo", "falls")]
    [InlineData("Use of antipyretic medication during the preceding 24 hours", 24, "h", "antipyretic medication")]
    [InlineData("Children who have used live attenuated vaccine 4 weeks before administration", 4, "wk", "live attenuated vaccine")]
    [InlineData("History of administration of glucocorticoids for 1 year prior to screening", 1, "a", "glucocorticoids")]
    [InlineData("Recent nasal/sinus surgery (< 3 months).", 3, "mo", "nasal/sinus surgery")]
    [InlineData("Severe respiratory distress in the last 6 months.", 6, "mo", "Severe respiratory distress")]
    [InlineData("a liver biopsy obtained up to 6 months before randomisation", 6, "mo", "liver biopsy")]
    [InlineData("Not more than twelve months have elapsed since the final injection on either protocol.", 12, "mo", "final injection")]
    public void ParseItem_WindowBeforeNow_IsWithin(string text, int value, string unit, string subject)
    {
        var criterion = Assert.Single(Parse.Item(text, CriteriaSection.Exclusion), c => c.TimeWindow is not null);
        var window = criterion.TimeWindow!;

        Assert.Equal((TimeWindowDirection.Within, (decimal)value, unit), (window.Direction, window.Value, window.Unit));
        Assert.Contains(subject, window.Subject, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseItem_TherapyWithWindow_BecomesTherapyCriterion()
    {
        var therapy = Assert.Single(Parse.Item("Patients who have received systemic therapy within recent one month", CriterionKind.Therapy, CriteriaSection.Exclusion));

        Assert.Equal("systemic therapy", therapy.Qualifier);
        Assert.True(therapy.Exclude);
        Assert.Equal("therapy-or-event", therapy.Code!.Code);
    }

    [Theory]
    [InlineData("Diagnosed according to biopsy for Psoriasis vulgaris for more than 6 months", TimeWindowDirection.DurationAtLeast, 6, "mo")]
    [InlineData("cough >2 weeks in duration", TimeWindowDirection.DurationAtLeast, 2, "wk")]
    [InlineData("Pain lasting >3 months", TimeWindowDirection.DurationAtLeast, 3, "mo")]
    [InlineData("Has taken prednisone for 14 days or more", TimeWindowDirection.DurationAtLeast, 14, "d")]
    [InlineData("after completing no more than 6 months of adjuvant endocrine therapy", TimeWindowDirection.DurationAtMost, 6, "mo")]
    [InlineData("at least 1 year following repair", TimeWindowDirection.MoreThanAgo, 1, "a")]
    [InlineData("PCR positive in sample collected >/= 72 hours prior to randomization", TimeWindowDirection.MoreThanAgo, 72, "h")]
    [InlineData("a time window of ≥ 4 weeks is required before the first dose", TimeWindowDirection.MoreThanAgo, 4, "wk")]
    public void ParseItem_DurationsAndElapsedTimes_ReadDirection(string text, TimeWindowDirection direction, int value, string unit)
    {
        var window = Assert.Single(Parse.Item(text), c => c.TimeWindow is not null).TimeWindow!;

        Assert.Equal((direction, (decimal)value, unit), (window.Direction, window.Value, window.Unit));
    }

    [Fact]
    public void ParseItem_WindowQualifyingConditions_AttachesToThem()
    {
        var conditions = Parse.Item("current (or within 1 year) pregnancy or lactation", CriterionKind.Condition, CriteriaSection.Exclusion);

        Assert.Equal(2, conditions.Count);
        Assert.All(conditions, c => Assert.Equal((1m, "a"), (c.TimeWindow!.Value, c.TimeWindow.Unit)));
        Assert.Empty(Parse.Item("current (or within 1 year) pregnancy or lactation", CriterionKind.Therapy, CriteriaSection.Exclusion));
    }

    [Fact]
    public void ParseItem_EllipticalSecondWindow_SharesTheSubject()
    {
        var windows = Parse.Item("Receipt of any licensed vaccine within 14 days (for inactivated vaccines) or 28 days (for live vaccines) prior to vaccination", CriteriaSection.Exclusion)
            .Where(c => c.TimeWindow is not null).Select(c => c.TimeWindow!).ToList();

        Assert.Equal([14m, 28m], windows.Select(w => w.Value));
        Assert.All(windows, w => Assert.Contains("licensed vaccine", w.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseItem_NegatedTherapy_IsExcludedFromInclusion()
    {
        var therapy = Assert.Single(Parse.Item("Patients who receive no steroids or immunosuppressants within 12 weeks prior to consent", CriterionKind.Therapy));

        Assert.True(therapy.Negated);
        Assert.True(therapy.Exclude);
    }

    [Theory]
    [InlineData("Planning to move out of the geographic area within 3 months")]
    [InlineData("or had recurrence within six months after CR")]
    [InlineData("History of Guillian-Barre syndrome within 6 weeks of previous influenza vaccination.")]
    [InlineData("Patients who previously received endocrine therapy within 5 years prior to diagnosis of the current malignancy.")]
    [InlineData("Willing to use contraception throughout the study and for 12 months following treatment")]
    [InlineData("Trial of cyclophosphamide every two weeks for six months")]
    [InlineData("Life expectancy of at least 3 months.")]
    [InlineData("History of transplantation, except 3 months after corneal transplant")]
    public void ParseItem_FutureRelativeAndRegimenDurations_AreNotWindows(string text) =>
        Assert.DoesNotContain(Parse.Item(text, CriteriaSection.Exclusion), c => c.TimeWindow is not null);
}
