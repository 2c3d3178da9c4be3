using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("18 Years", 18, "a")]
    [InlineData("1 Year", 1, "a")]
    [InlineData("6 Months", 6, "mo")]
    [InlineData("1 Month", 1, "mo")]
    [InlineData("2 Weeks", 2, "wk")]
    [InlineData("28 Days", 28, "d")]
    [InlineData("12 Hours", 12, "h")]
    [InlineData("30 Minutes", 30, "min")]
    [InlineData("1.5 Years", 1.5, "a")]
    [InlineData(" 65 years ", 65, "a")]
    [InlineData("12 weeks", 12, "wk")]
    public void Parse_ValueAndUnit_GivesUcumAndKeepsText(string text, double value, string unit)
    {
        var parsed = DurationParser.Parse(text, MappingTables.Default.TimeUnits);

        Assert.Equal(text, parsed.Text);
        Assert.Equal((decimal)value, parsed.Value);
        Assert.Equal(unit, parsed.Unit);
    }

    [Theory]
    [InlineData("N/A")]
    [InlineData("18 Years old")]
    [InlineData("18")]
    [InlineData("Years")]
    [InlineData("18 Fortnights")]
    [InlineData("-3 Years")]
    public void Parse_Unreadable_KeepsTextOnly(string text)
    {
        var parsed = DurationParser.Parse(text, MappingTables.Default.TimeUnits);

        Assert.Equal(text, parsed.Text);
        Assert.Null(parsed.Value);
        Assert.Null(parsed.Unit);
    }
}
