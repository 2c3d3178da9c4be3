using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary>How operators and functions treat the empty collection (three-valued logic, empty in → empty out).</summary>
public sealed class EmptyPropagationTests
{
    [Theory]
    [InlineData("{} + 1")]
    [InlineData("1 - {}")]
    [InlineData("{} * 2")]
    [InlineData("{} = 1")]
    [InlineData("1 != {}")]
    [InlineData("{} < 1")]
    [InlineData("{} >= @2012")]
    [InlineData("{} and true")]
    [InlineData("true and {}")]
    [InlineData("{} or false")]
    [InlineData("{} xor true")]
    [InlineData("{} implies false")]
    [InlineData("{}.not()")]
    [InlineData("{} in (1 | 2)")]
    [InlineData("{}.substring(1)")]
    [InlineData("'abc'.substring({})")]
    [InlineData("{}.toInteger()")]
    [InlineData("{}.abs()")]
    [InlineData("-{}")]
    [InlineData("{} is Integer")]
    [InlineData("iif({}, 1)")]
    public void Operation_OnEmpty_IsEmpty(string expression) => Assert.Empty(Eval(expression));

    [Theory]
    [InlineData("{} or true", true)]
    [InlineData("true or {}", true)]
    [InlineData("{} and false", false)]
    [InlineData("false and {}", false)]
    [InlineData("false implies {}", true)]
    [InlineData("{} implies true", true)]
    [InlineData("{}.exists()", false)]
    [InlineData("{}.empty()", true)]
    [InlineData("{}.all(false)", true)]
    [InlineData("{}.allTrue()", true)]
    [InlineData("{}.anyTrue()", false)]
    [InlineData("{} ~ {}", true)]
    [InlineData("{} !~ 1", true)]
    [InlineData("(1 | 2) contains {}", null)]
    [InlineData("{}.isDistinct()", true)]
    [InlineData("{}.subsetOf(1 | 2)", true)]
    public void Operation_OnEmpty_FollowsThreeValuedLogic(string expression, bool? expected) => Assert.Equal(expected, Bool(expression));

    [Theory]
    [InlineData("{}.count()", "0")]
    [InlineData("{} & 'a'", "a")]
    [InlineData("'a' & {}", "a")]
    [InlineData("({} | 1 | {}).count()", "1")]
    [InlineData("{}.combine(1)", "1")]
    [InlineData("(1 | 2).exclude({}).count()", "2")]
    public void Operation_WithEmptyOperand_KeepsTheOtherSide(string expression, string expected) => Assert.Equal(expected, Text(expression));

    [Theory]
    [InlineData("(1 | 2) + 1")]
    [InlineData("(1 | 2) < 3")]
    [InlineData("(1 | 2).not()")]
    [InlineData("(1 | 2) & 'a'")]
    [InlineData("('a' | 'b').substring(1)")]
    [InlineData("(1 | 2).single()")]
    [InlineData("(1 | 2) in (1 | 2)")]
    [InlineData("(true | false) and true")]
    public void Operation_OnSeveralItems_WhereOneIsExpected_Fails(string expression) =>
        Assert.Throws<FhirPathEvaluationException>(() => Eval(expression));
}
