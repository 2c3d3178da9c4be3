using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary>Dates, times and their precision: comparisons at different precisions are empty, offsets are normalised, calendar arithmetic.</summary>
public sealed class DateTimeTests
{
    [Theory]
    [InlineData("@2012 < @2012-01", null)]
    [InlineData("@2012 < @2013-01", true)]
    [InlineData("@2012-01 = @2012-01-01", null)]
    [InlineData("@2012-01 ~ @2012-01-01", false)]
    [InlineData("@2012-02 > @2012-01-31", true)]
    [InlineData("@2012-01-01T10:00 = @2012-01-01T10:00:00", null)]
    [InlineData("@2012-01-01T10:00 < @2012-01-01T10:01:00", true)]
    [InlineData("@T10:00:00 = @T10:00:00.000", true)]
    [InlineData("@T10:00:00.5 > @T10:00:00", true)]
    [InlineData("@2012-01-01T10:00:00Z = @2012-01-01T12:00:00+02:00", true)]
    [InlineData("@2012-01-01T00:30:00+01:00 < @2012-01-01", null)]
    [InlineData("@2012-01-01T10:00:00Z = @2012-01-01T10:00:00", null)]
    [InlineData("@2012-01-01 = @2012-01-01T10:00:00Z", null)]
    [InlineData("@2012-01-01 < @2012-01-02T10:00:00Z", true)]
    [InlineData("@2012-01-01 = @T10:00", false)]
    public void Compare_AtDifferentPrecisions_FollowsFhirPath(string expression, bool? expected) => Assert.Equal(expected, Bool(expression));

    [Theory]
    [InlineData("@2012-01-31 + 1 month", "2012-02-29")]
    [InlineData("@2013-01-31 + 1 month", "2013-02-28")]
    [InlineData("@2012-02-29 + 1 year", "2013-02-28")]
    [InlineData("@2012-03-01 - 1 day", "2012-02-29")]
    [InlineData("@2012-01-01 + 36 hours", "2012-01-02")]
    [InlineData("@2012 + 25 months", "2014")]
    [InlineData("@2012-01-01T23:00:00+02:00 + 2 hours", "2012-01-02T01:00:00+02:00")]
    [InlineData("@2012-01-01T10:00:00.000Z + 1500 'ms'", "2012-01-01T10:00:01.500Z")]
    [InlineData("@T23:30 + 1 hour", "00:30")]
    [InlineData("@2012-01-01 - 2 'wk'", "2011-12-18")]
    public void Add_CalendarDuration_RespectsThePrecision(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("@2012-01-01 + 1 'a'")]
    [InlineData("@2012-01-01 + 1 'mo'")]
    [InlineData("@2012-01-01 + 1 'cm'")]
    [InlineData("@2012-01-01 + 1")]
    public void Add_NonCalendarUnit_Fails(string expression) => Assert.Throws<FhirPathEvaluationException>(() => Eval(expression));

    [Theory]
    [InlineData("@2014.lowBoundary()", "2014-01-01")]
    [InlineData("@2014-02.highBoundary()", "2014-02-28")]
    [InlineData("@2014-01-01T08:05.highBoundary()", "2014-01-01T08:05:59.999-12:00")]
    [InlineData("@2014-01-01T08:05+01:00.lowBoundary()", "2014-01-01T08:05:00.000+01:00")]
    [InlineData("@T10.highBoundary()", "10:59:59.999")]
    [InlineData("@2014-01-05T10:30:00.000.precision()", "17")]
    [InlineData("'2015-02-04T14:34:28.123+10:00'.toDateTime().toString()", "2015-02-04T14:34:28.123+10:00")]
    [InlineData("@2015-02-04T14:34.toDate().toString()", "2015-02-04")]
    public void Boundaries_AndConversions_KeepPrecision(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Fact]
    public void Now_Today_TimeOfDay_ComeFromTheContextClock()
    {
        var context = new EvaluationContext { TimeProvider = new FixedTimeProvider(new DateTimeOffset(2024, 2, 29, 23, 15, 30, 250, TimeSpan.Zero)) };
        Assert.Equal("2024-02-29T23:15:30.250+00:00", Text("now()", context: context));
        Assert.Equal("2024-02-29", Text("today()", context: context));
        Assert.Equal("23:15:30.250", Text("timeOfDay()", context: context));
        Assert.Equal(true, Bool("now() = now()", context: context));
        Assert.Null(Bool("now() > today()", context: context));
    }
}

/// <summary>A clock that always says the same UTC time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
