using static FhirTrials.FhirPath.Tests.FhirPathTestHelper;

namespace FhirTrials.FhirPath.Tests.Evaluation;

/// <summary>Equality is exact; equivalence ignores case and whitespace in strings, compares decimals at the lesser precision and ignores order.</summary>
public sealed class EquivalenceTests
{
    [Theory]
    [InlineData("'abc' = 'ABC'", false)]
    [InlineData("'abc' ~ 'ABC'", true)]
    [InlineData("'  a   b ' ~ 'A B'", true)]
    [InlineData("'a\tb' ~ 'a b'", true)]
    [InlineData("'ab' ~ 'a b'", false)]
    [InlineData("1.50 = 1.5", true)]
    [InlineData("1.5 ~ 1.49", true)]
    [InlineData("1.50 ~ 1.49", false)]
    [InlineData("1 ~ 1.4", true)]
    [InlineData("1 ~ 1.5", false)]
    [InlineData("0.333 ~ (1 / 3)", true)]
    [InlineData("(1 | 2) = (2 | 1)", false)]
    [InlineData("(1 | 2) ~ (2 | 1)", true)]
    [InlineData("(1 | 2) ~ (1 | 2 | 3)", false)]
    [InlineData("1 = 1.0", true)]
    [InlineData("1 = '1'", false)]
    [InlineData("true ~ true", true)]
    public void Compare_StringsAndDecimals(string expression, bool expected) => Assert.Equal(expected, Bool(expression));

    [Fact]
    public void Compare_ComplexValues_ByTheirChildren()
    {
        var patient = Resource("""
            {"resourceType":"Patient","name":[{"family":"Doe","given":["Jane"]},{"given":["jane"],"family":"DOE"},{"family":"Doe","given":["Jane"]}]}
            """);
        Assert.Equal(true, Bool("name[0] = name[2]", patient));
        Assert.Equal(false, Bool("name[0] = name[1]", patient));
        Assert.Equal(true, Bool("name[0] ~ name[1]", patient));
        Assert.Equal("2", Text("name.distinct().count()", patient));
        Assert.Equal(false, Bool("name.isDistinct()", patient));
    }

    [Fact]
    public void Compare_FhirPrimitiveWithSystemValue_UsesTheValue()
    {
        var patient = Resource("""{"resourceType":"Patient","gender":"female","birthDate":"1980-05","active":true,"multipleBirthInteger":2}""");
        Assert.Equal(true, Bool("gender = 'female'", patient));
        Assert.Equal(true, Bool("gender ~ 'FEMALE'", patient));
        Assert.Null(Bool("birthDate = @1980-05-01", patient));
        Assert.Equal(true, Bool("birthDate = @1980-05", patient));
        Assert.Equal(true, Bool("active = true", patient));
        Assert.Equal(true, Bool("multipleBirth = 2.0", patient));
    }
}
