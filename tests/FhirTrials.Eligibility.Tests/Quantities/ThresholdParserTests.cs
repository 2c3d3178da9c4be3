using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Quantities;

public sealed class ThresholdParserTests
{
    private static readonly (string Phrase, Comparator Comparator)[] Comparators =
    [
        ("≥", Comparator.GreaterOrEqual), (">=", Comparator.GreaterOrEqual), ("=>", Comparator.GreaterOrEqual),
        ("> =", Comparator.GreaterOrEqual), ("> / =", Comparator.GreaterOrEqual), (">/=", Comparator.GreaterOrEqual),
        ("at least", Comparator.GreaterOrEqual), ("no less than", Comparator.GreaterOrEqual), ("not less than", Comparator.GreaterOrEqual),
        ("greater than or equal to", Comparator.GreaterOrEqual), ("equal to or greater than", Comparator.GreaterOrEqual),
        ("a minimum of", Comparator.GreaterOrEqual),
        (">", Comparator.GreaterThan), ("more than", Comparator.GreaterThan), ("greater than", Comparator.GreaterThan),
        ("higher than", Comparator.GreaterThan), ("over", Comparator.GreaterThan), ("above", Comparator.GreaterThan),
        ("exceeding", Comparator.GreaterThan),
        ("≤", Comparator.LessOrEqual), ("<=", Comparator.LessOrEqual), ("=<", Comparator.LessOrEqual), ("< / =", Comparator.LessOrEqual),
        ("less than or equal to", Comparator.LessOrEqual), ("up to", Comparator.LessOrEqual), ("no more than", Comparator.LessOrEqual),
        ("not exceeding", Comparator.LessOrEqual), ("at most", Comparator.LessOrEqual), ("a maximum of", Comparator.LessOrEqual),
        ("<", Comparator.LessThan), ("less than", Comparator.LessThan), ("lower than", Comparator.LessThan),
        ("below", Comparator.LessThan), ("under", Comparator.LessThan), ("fewer than", Comparator.LessThan),
    ];

    [Theory]
    [InlineData("or more", Comparator.GreaterOrEqual)]
    [InlineData("or greater", Comparator.GreaterOrEqual)]
    [InlineData("or older", Comparator.GreaterOrEqual)]
    [InlineData("and over", Comparator.GreaterOrEqual)]
    [InlineData("or less", Comparator.LessOrEqual)]
    [InlineData("or below", Comparator.LessOrEqual)]
    [InlineData("or younger", Comparator.LessOrEqual)]
    public void TryParse_SuffixComparator_ReadsComparator(string suffix, Comparator expected)
    {
        var threshold = Parse.Threshold($"2.0 mg/dl {suffix}");

        Assert.NotNull(threshold);
        Assert.Equal(expected, threshold.Value.Comparator);
        Assert.Equal(2.0m, threshold.Value.Value);
        Assert.Equal("mg/dL", threshold.Value.Unit);
    }

    [Theory]
    [InlineData("18.5-35", 18.5, 35, null)]
    [InlineData("18.5 – 35", 18.5, 35, null)]
    [InlineData("between 18 and 65", 18, 65, null)]
    [InlineData("between 18.5-35", 18.5, 35, null)]
    [InlineData("from 18 to 65", 18, 65, null)]
    [InlineData("18 to 65 years", 18, 65, "a")]
    [InlineData("18 Years to 65 Years", 18, 65, "a")]
    [InlineData("6.5 to 12.0 %", 6.5, 12.0, "%")]
    [InlineData("0.4 ~ 0.6", 0.4, 0.6, null)]
    [InlineData("18-75years", 18, 75, "a")]
    public void TryParse_Range_ReadsBothBounds(string text, double low, double high, string? unit)
    {
        var threshold = Parse.Threshold(text);

        Assert.NotNull(threshold);
        Assert.Equal(Comparator.Range, threshold.Value.Comparator);
        Assert.Equal((decimal)low, threshold.Value.Low);
        Assert.Equal((decimal)high, threshold.Value.High);
        Assert.Equal(unit, threshold.Value.Unit);
    }

    [Fact]
    public void TryParse_RangeWithExcludedUpperBound_ExpandsToTwoComparisons()
    {
        var threshold = Parse.Threshold("4 to <8 years");

        Assert.NotNull(threshold);
        var parts = threshold.Value.Expand().ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal((Comparator.GreaterOrEqual, 4m), (parts[0].Comparator, parts[0].Value!.Value));
        Assert.Equal((Comparator.LessThan, 8m), (parts[1].Comparator, parts[1].Value!.Value));
    }

    [Theory]
    [InlineData("0 or 1", 0, 1)]
    [InlineData("0, 1 or 2", 0, 2)]
    [InlineData("II-IV", 2, 4)]
    [InlineData("III or IV", 3, 4)]
    public void TryParse_SetsAndRomanNumerals_ReadAsRange(string text, int low, int high)
    {
        var threshold = Parse.Threshold(text, ThresholdOptions.AllowSet | ThresholdOptions.AllowRoman);

        Assert.NotNull(threshold);
        Assert.Equal((Comparator.Range, (decimal)low, (decimal)high), (threshold.Value.Comparator, threshold.Value.Low!.Value, threshold.Value.High!.Value));
    }

    [Theory]
    [InlineData("≤ ULN", Comparator.LessOrEqual)]
    [InlineData("below the upper limit of the institutional normal range (ULN)", Comparator.LessThan)]
    [InlineData("more than normal upper limit", Comparator.GreaterThan)]
    [InlineData("≥ LLN", Comparator.GreaterOrEqual)]
    public void TryParse_ComparatorAndLimitWithoutNumber_MeansOneTimesTheLimit(string text, Comparator expected)
    {
        var threshold = Parse.Threshold(text);

        Assert.NotNull(threshold);
        Assert.Equal(expected, threshold.Value.Comparator);
        Assert.Equal(1m, threshold.Value.Value);
        Assert.NotEqual(NormalLimit.None, threshold.Value.Limit);
    }

    [Fact]
    public void TryParse_EchoedSymbolAfterWords_IsSkipped()
    {
        var threshold = Parse.Threshold("greater than or equal to (≥)16");

        Assert.NotNull(threshold);
        Assert.Equal((Comparator.GreaterOrEqual, 16m), (threshold.Value.Comparator, threshold.Value.Value!.Value));
    }

    [Fact]
    public void TryParse_BareNumberWithoutOption_Fails() => Assert.Null(Parse.Threshold("18 years"));

    [Fact]
    public void TryParse_EveryComparatorWithManyQuantityForms_ReadsComparatorValueAndUnit()
    {
        var random = new Random(17);
        var failures = new List<string>();
        foreach (var (form, value, unit) in QuantityForms.CountsPerLitre(300, seed: 19).Concat(QuantityForms.Concentrations(300, seed: 23)))
        {
            var (phrase, comparator) = QuantityForms.Pick(random, Comparators);
            var text = phrase + QuantityForms.Space(random) + (phrase.Any(char.IsLetter) ? " " : "") + form.TrimStart();
            var threshold = Parse.Threshold(text);
            if (threshold is not { } t || t.Comparator != comparator || t.Value != value || t.Unit != unit)
            {
                failures.Add($"'{text}' read as {threshold?.Comparator} {threshold?.Value} {threshold?.Unit}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }
}
