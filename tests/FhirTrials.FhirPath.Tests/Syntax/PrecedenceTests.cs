using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Syntax;

/// <summary>Operator precedence and associativity, as in the FHIRPath table (loosest: implies, or/xor, and, in/contains, equality, comparison, |, is/as, additive, multiplicative, unary, then . and []).</summary>
public sealed class PrecedenceTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("12 / 2 / 3", "2")]
    [InlineData("7 div 2 * 2", "6")]
    [InlineData("2 + 3 mod 2", "3")]
    [InlineData("-2.abs()", "-2")]
    [InlineData("(-2).abs()", "2")]
    [InlineData("'a' + 'b' & 'c'", "abc")]
    [InlineData("(1 | 2 | 2).count()", "2")]
    public void Arithmetic_FollowsPrecedence(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("true or false and false", true)]
    [InlineData("false and false or true", true)]
    [InlineData("false implies false or true", true)]
    [InlineData("true xor true or true", true)]
    [InlineData("2 > 1 = true", true)]
    [InlineData("1 | 2 = 1 | 2", true)]
    [InlineData("'a' in 'b' | 'a'", true)]
    [InlineData("'b' | 'a' contains 'a'", true)]
    [InlineData("1 + 1 = 2 and 2 * 2 = 4", true)]
    [InlineData("1 is Integer and 'a' is String", true)]
    [InlineData("(1 | 1 is Integer).count() = 2", true)]
    [InlineData("1 < 2 = 2 < 3", true)]
    public void Logic_FollowsPrecedence(string expression, bool expected) => Assert.Equal(expected, Bool(expression));

    [Fact]
    public void IsBindsTighterThanComparison_SoComparingWithABooleanFails()
    {
        var ex = Assert.Throws<FhirPathEvaluationException>(() => Eval("1 > 2 is Boolean"));
        Assert.Contains("cannot compare", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnaryMinus_AppliesAfterTheInvocation()
    {
        Assert.Throws<FhirPathEvaluationException>(() => Eval("-1.convertsToInteger()"));
        Assert.Equal(true, Bool("(-1).convertsToInteger()"));
    }
}
