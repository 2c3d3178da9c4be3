using FhirTrials.Eligibility.Quantities;

namespace FhirTrials.Eligibility.Tests.Quantities;

public sealed class NumberParserTests
{
    [Theory]
    [InlineData("3.5", 3.5)]
    [InlineData("3,5", 3.5)]
    [InlineData("1,500", 1500)]
    [InlineData("100,000", 100000)]
    [InlineData("1,000,000", 1000000)]
    [InlineData("9,0", 9.0)]
    [InlineData("0.25", 0.25)]
    [InlineData("18", 18)]
    public void TryParse_WrittenNumber_ReadsValue(string text, double expected)
    {
        Assert.True(NumberParser.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1,2,3")]
    [InlineData("1.5,000")]
    [InlineData("")]
    public void TryParse_Ambiguous_Fails(string text) => Assert.False(NumberParser.TryParse(text, out _));

    [Theory]
    [InlineData('⁰', 0)]
    [InlineData('¹', 1)]
    [InlineData('²', 2)]
    [InlineData('³', 3)]
    [InlineData('⁹', 9)]
    [InlineData('9', -1)]
    public void SuperscriptDigit_Character_ReturnsDigit(char c, int expected) => Assert.Equal(expected, NumberParser.SuperscriptDigit(c));

    [Theory]
    [InlineData("I", 1)]
    [InlineData("II", 2)]
    [InlineData("iii", 3)]
    [InlineData("IV", 4)]
    [InlineData("IX", 9)]
    public void TryParseRoman_Numeral_ReadsValue(string text, int expected)
    {
        Assert.True(NumberParser.TryParseRoman(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("ICU")]
    [InlineData("")]
    [InlineData("XXXXX")]
    public void TryParseRoman_NotNumeral_Fails(string text) => Assert.False(NumberParser.TryParseRoman(text, out _));
}
