using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Time;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>Partial FHIR dates as spans of instants, and window relations over them.</summary>
public sealed class TimeWindowCheckTests
{
    private static readonly DateOnly Evaluation = new(2025, 6, 15);

    [Theory]
    [InlineData("2024", "2024-01-01T00:00:00.0000000+00:00", "2024-12-31T23:59:59.9999999+00:00")]
    [InlineData("2024-02", "2024-02-01T00:00:00.0000000+00:00", "2024-02-29T23:59:59.9999999+00:00")]
    [InlineData("2024-02-10", "2024-02-10T00:00:00.0000000+00:00", "2024-02-10T23:59:59.9999999+00:00")]
    [InlineData("2024-02-10T10:00:00+02:00", "2024-02-10T10:00:00.0000000+02:00", "2024-02-10T10:00:00.0000000+02:00")]
    public void TryParse_PartialDates_CoverEveryInstantTheyMayMean(string lexical, string lo, string hi)
    {
        Assert.True(DateSpan.TryParse(lexical, out var span));

        Assert.Equal((lo, hi), (span.Lo.ToString("o", System.Globalization.CultureInfo.InvariantCulture), span.Hi.ToString("o", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("2024-13")]
    public void TryParse_NotADate_IsFalse(string? lexical) => Assert.False(DateSpan.TryParse(lexical, out _));

    [Theory]
    [InlineData("2025-05-20", "within", 1, "mo", true)]
    [InlineData("2025-05-14", "within", 1, "mo", false)]
    [InlineData("2025-05", "within", 1, "mo", null)]
    [InlineData("2025-07-01", "within", 1, "mo", false)]
    [InlineData("2024-06-15", "before", 1, "a", true)]
    [InlineData("2024-06-16", "before", 1, "a", false)]
    [InlineData("2025-06-01", "within", 14, "d", true)]
    [InlineData("2025-06-01", "within", 1.5, "wk", false)]
    public void Check_EventAgainstWindow(string date, string relation, double value, string unit, bool? expected)
    {
        Assert.True(DateSpan.TryParse(date, out var at));
        var window = new TimeWindowSpec((decimal)value, unit, Relation(relation), null);

        var (holds, explanation) = TimeWindowCheck.Check(window, new EventTime(at, at, date), Evaluation, MatchingKnowledge.Default.Units, onsetOnly: true);

        Assert.Equal(expected, holds);
        Assert.StartsWith(date + " ", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownUnit_CannotBeComputed()
    {
        var window = new TimeWindowSpec(2, "fortnight", WindowRelation.Within, "within 2 fortnights");
        var at = DateSpan.Day(Evaluation);

        var (holds, explanation) = TimeWindowCheck.Check(window, new EventTime(at, at, "today"), Evaluation, MatchingKnowledge.Default.Units, onsetOnly: true);

        Assert.Null(holds);
        Assert.Equal("cannot compute the window 'within 2 fortnights' (unit fortnight)", explanation);
    }

    private static WindowRelation Relation(string code) => code switch
    {
        "within" => WindowRelation.Within,
        "before" => WindowRelation.Before,
        "at-least" => WindowRelation.AtLeast,
        _ => WindowRelation.AtMost,
    };
}
