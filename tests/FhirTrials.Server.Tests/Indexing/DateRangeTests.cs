using FhirTrials.Server.Indexing;

namespace FhirTrials.Server.Tests.Indexing;

/// <summary>The implicit ranges of dates at each precision (R4 search page), inclusive, in ms since 1970 UTC.</summary>
public sealed class DateRangeTests
{
    [Theory]
    [InlineData("2013", "2013-01-01T00:00:00.000Z", "2013-12-31T23:59:59.999Z")]
    [InlineData("2012-02", "2012-02-01T00:00:00.000Z", "2012-02-29T23:59:59.999Z")]
    [InlineData("2013-01-14", "2013-01-14T00:00:00.000Z", "2013-01-14T23:59:59.999Z")]
    [InlineData("2013-01-14T10:00", "2013-01-14T10:00:00.000Z", "2013-01-14T10:00:59.999Z")]
    [InlineData("2013-01-14T10:00:30Z", "2013-01-14T10:00:30.000Z", "2013-01-14T10:00:30.999Z")]
    [InlineData("2013-01-14T10:00:30.5Z", "2013-01-14T10:00:30.500Z", "2013-01-14T10:00:30.599Z")]
    [InlineData("2013-01-14T10:00:30.123Z", "2013-01-14T10:00:30.123Z", "2013-01-14T10:00:30.123Z")]
    [InlineData("2013-01-14T11:00:00+01:00", "2013-01-14T10:00:00.000Z", "2013-01-14T10:00:00.999Z")]
    [InlineData("2013-01-14T01:00:00-05:30", "2013-01-14T06:30:00.000Z", "2013-01-14T06:30:00.999Z")]
    public void TryParse_PrecisionGivesRange(string text, string low, string high)
    {
        Assert.True(DateRange.TryParse(text, out var l, out var h));
        Assert.Equal(DateTimeOffset.Parse(low, System.Globalization.CultureInfo.InvariantCulture), DateRange.FromMillis(l));
        Assert.Equal(DateTimeOffset.Parse(high, System.Globalization.CultureInfo.InvariantCulture), DateRange.FromMillis(h));
    }

    [Theory]
    [InlineData("")]
    [InlineData("13")]
    [InlineData("2013-13")]
    [InlineData("2013-02-29")]
    [InlineData("2013-01-14T25:00")]
    [InlineData("2013-01-14T10:00:00+15:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    [InlineData("2013-01-14 10:00")]
    public void TryParse_Invalid_ReturnsFalse(string text) => Assert.False(DateRange.TryParse(text, out _, out _));
}
