namespace FhirTrials.FhirPath.Tests.Syntax;

/// <summary>Syntax errors name the 1-based column of the offending token and say what was expected.</summary>
public sealed class SyntaxErrorTests
{
    [Theory]
    [InlineData("2 + 2 /", 7, "ends after '/'")]
    [InlineData("name.where(", 12, "operand")]
    [InlineData("'abc", 1, "unterminated string")]
    [InlineData("1 + #", 5, "unexpected character '#'")]
    [InlineData("name..given", 6, "expected a name after '.'")]
    [InlineData("name.where(use = 'x'", 21, "',' or ')' to close the call of 'where' (opened at column 11)")]
    [InlineData("name.foo()", 6, "unknown function 'foo'")]
    [InlineData("name.where()", 6, "where() takes 1 argument, not 0")]
    [InlineData("name.first(1)", 6, "first() takes no arguments, not 1")]
    [InlineData("value.is(Foo)", 10, "unknown type 'Foo'")]
    [InlineData("2 + 2 /* open", 7, "unterminated comment")]
    [InlineData("@2015-13", 1, "invalid date literal")]
    [InlineData("'a\\x'", 3, "invalid escape")]
    [InlineData("name given", 6, "unexpected 'given'")]
    [InlineData("(1 + 2", 7, "expected ')' (opened at column 1)")]
    [InlineData("{1}", 2, "only the empty collection")]
    [InlineData("", 1, "empty")]
    [InlineData("$that", 1, "unknown variable '$that'")]
    [InlineData("3000000000", 1, "out of range")]
    public void Compile_InvalidExpression_ReportsColumnAndReason(string expression, int column, string message)
    {
        var ex = Assert.Throws<FhirPathSyntaxException>(() => FhirPathCompiler.Default.Compile(expression));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        Assert.Equal(column, ex.Column);
        Assert.StartsWith($"column {column}: ", ex.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SameText_ReturnsTheCachedCompilation()
    {
        var compiler = new FhirPathCompiler();
        var first = compiler.Compile("name.given.first()");
        Assert.Same(first, compiler.Compile("name.given.first()"));
        Assert.Equal(1, compiler.CachedCount);
    }

    [Fact]
    public void Compile_FromManyThreads_GivesOneCompilation()
    {
        var compiler = new FhirPathCompiler();
        var results = new CompiledExpression[64];
        Parallel.For(0, results.Length, i => results[i] = compiler.Compile("telecom.where(system = 'phone').value"));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Theory]
    [InlineData("2 + 2 // comment\n + 1", "5")]
    [InlineData("`given`.exists() or true", "true")]
    [InlineData("'\\u0041\\t\\''", "A\t'")]
    [InlineData("@2015T.toString()", "2015T")]
    [InlineData("@T14:30.toString()", "14:30")]
    [InlineData("4 days.toString()", "4 days")]
    [InlineData("4 'mg'.toString()", "4 'mg'")]
    [InlineData("5L + 1", "6")]
    public void Compile_ValidLexicalForms_Evaluate(string expression, string expected) =>
        Assert.Equal(expected, FhirPathTestHelper.Text(expression));
}
