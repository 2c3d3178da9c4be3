using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary>Quantities: UCUM conversion for comparison and arithmetic, calendar durations, incomparable units.</summary>
public sealed class QuantityTests
{
    [Theory]
    [InlineData("1 'g' = 1000 'mg'", true)]
    [InlineData("1 'kg' > 999 'g'", true)]
    [InlineData("2.5 'mg' < 2500 'ug'", false)]
    [InlineData("1 'L' = 1000 'mL'", true)]
    [InlineData("1 'dL' = 100 'mL'", true)]
    [InlineData("60 'min' = 1 'h'", true)]
    [InlineData("1 'd' = 24 'h'", true)]
    [InlineData("1 'wk' = 7 'd'", true)]
    [InlineData("1 '[lb_av]' < 454 'g'", true)]
    [InlineData("12 '[in_i]' = 1 '[ft_i]'", true)]
    [InlineData("1 'mmol/L' = 1000 'umol/L'", true)]
    [InlineData("1 'km/h' < 1 'm/s'", true)]
    [InlineData("1 week = 7 days", true)]
    [InlineData("1 year = 12 months", true)]
    [InlineData("2 weeks = 14 'd'", true)]
    [InlineData("1 year = 1 'a'", null)]
    [InlineData("1 month = 1 'mo'", null)]
    [InlineData("1 'cm' = 1 'g'", null)]
    [InlineData("1 'cm' < 1 'g'", null)]
    [InlineData("1 '{beats}/min' = 1 '/min'", true)]
    [InlineData("1 '[iU]' = 1 '[iU]'", true)]
    [InlineData("1 'g' ~ 1.04 'g'", true)]
    [InlineData("1.0 'g' ~ 1.04 'g'", true)]
    [InlineData("1.00 'g' ~ 1.04 'g'", false)]
    [InlineData("1 'cm'.comparable(1 '[in_i]')", true)]
    [InlineData("1 'cm'.comparable(1 's')", false)]
    public void Compare_ConvertsUnits(string expression, bool? expected) => Assert.Equal(expected, Bool(expression));

    [Theory]
    [InlineData("5 'mg' + 5 'g'", "5005 'mg'")]
    [InlineData("1 'h' - 30 'min'", "0.5 'h'")]
    [InlineData("2 'm' * 3 'm'", "6 'm2'")]
    [InlineData("6 'm' / 2 's'", "3 'm.s-1'")]
    [InlineData("3 'mg' * 2", "6 'mg'")]
    [InlineData("2 * 3 'mg'", "6 'mg'")]
    [InlineData("(-5.5 'mg').abs()", "5.5 'mg'")]
    [InlineData("'2.5 \\'mg\\''.toQuantity()", "2.5 'mg'")]
    [InlineData("'3 days'.toQuantity()", "3 days")]
    [InlineData("1 'g'.toQuantity('mg')", "1000 'mg'")]
    [InlineData("1 'g'.toQuantity('m')", "")]
    public void Arithmetic_AndConversion_KeepUnits(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Fact]
    public void FhirQuantity_UsesItsUcumCode()
    {
        var observation = Resource("""{"resourceType":"Observation","status":"final","code":{"text":"w"},"valueQuantity":{"value":185,"unit":"lbs","system":"http://unitsofmeasure.org","code":"[lb_av]"}}""");
        Assert.Equal(true, Bool("value > 80 'kg'", observation));
        Assert.Equal(true, Bool("value < 85 'kg'", observation));
        Assert.Equal("185 '[lb_av]'", Text("value.toQuantity()", observation));
    }
}
