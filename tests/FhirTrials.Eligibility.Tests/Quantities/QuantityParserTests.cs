using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Quantities;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData("3.5x109/L", 3.5, "10*9/L")]
    [InlineData("3.5x10^9/L", 3.5, "10*9/L")]
    [InlineData("3,5 × 10⁹/l", 3.5, "10*9/L")]
    [InlineData("1.5×10^9/L", 1.5, "10*9/L")]
    [InlineData("100 x10E9/L", 100, "10*9/L")]
    [InlineData("75.010^9/L", 75.0, "10*9/L")]
    [InlineData("3.010^9/L", 3.0, "10*9/L")]
    [InlineData("100 G/L", 100, "10*9/L")]
    [InlineData("100 g/L", 100, "g/L")]
    [InlineData("1,500/µL", 1500, "/uL")]
    [InlineData("100,000/ mm3", 100000, "/mm3")]
    [InlineData("100,000 per cu mm", 100000, "/mm3")]
    [InlineData("9.0 gm/dl", 9.0, "g/dL")]
    [InlineData("470 milliseconds", 470, "ms")]
    [InlineData("100.4°F", 100.4, "[degF]")]
    [InlineData("60 mL/min/1.73 m2", 60, "mL/min/{1.73_m2}")]
    [InlineData("3.5 g/gCr", 3.5, "g/g")]
    [InlineData("6-month", 6, "mo")]
    [InlineData("2 g / day", 2, "g/(24.h)")]
    public void TryParse_WrittenQuantity_NormalisesToUcum(string text, double value, string unit)
    {
        var quantity = Parse.Quantity(text);

        Assert.NotNull(quantity);
        Assert.Equal((decimal)value, quantity.Value.Value);
        Assert.Equal(unit, quantity.Value.Unit);
    }

    [Theory]
    [InlineData("1.5 x ULN", 1.5, NormalLimit.Upper)]
    [InlineData("1.5× ULN", 1.5, NormalLimit.Upper)]
    [InlineData("3xULN", 3, NormalLimit.Upper)]
    [InlineData("2.5 X institutional norm", 2.5, NormalLimit.Upper)]
    [InlineData("3 times the normal value", 3, NormalLimit.Upper)]
    [InlineData("2 folds as high as maximal normal value", 2, NormalLimit.Upper)]
    [InlineData("2× upper limit of normal reference value", 2, NormalLimit.Upper)]
    [InlineData("1.5 ULN", 1.5, NormalLimit.Upper)]
    [InlineData("1 x LLN", 1, NormalLimit.Lower)]
    public void TryParse_MultipleOfNormalLimit_ReadsMultiple(string text, double value, NormalLimit limit)
    {
        var quantity = Parse.Quantity(text);

        Assert.NotNull(quantity);
        Assert.Equal((decimal)value, quantity.Value.Value);
        Assert.Equal(limit, quantity.Value.Limit);
        Assert.Null(quantity.Value.Unit);
    }

    [Fact]
    public void TryParse_TimesMoreThanNormalUpperLimit_CarriesComparator()
    {
        var quantity = Parse.Quantity("2 times more than normal upper limit");

        Assert.NotNull(quantity);
        Assert.Equal(NormalLimit.Upper, quantity.Value.Limit);
        Assert.Equal(Comparator.GreaterThan, quantity.Value.Comparator);
    }

    [Theory]
    [InlineData("1.9 × baseline")]
    [InlineData("2 times daily")]
    public void TryParse_MultipleOfSomethingElse_IsNotAQuantity(string text) => Assert.Null(Parse.Quantity(text));

    [Fact]
    public void TryParse_ManyFormsOfCountsPerLitre_AllReadTheSameQuantity() =>
        AssertAllRead(QuantityForms.CountsPerLitre(400, seed: 7));

    [Fact]
    public void TryParse_ManyFormsOfCountsPerMicrolitre_AllReadTheSameQuantity() =>
        AssertAllRead(QuantityForms.CountsPerMicrolitre(200, seed: 11));

    [Fact]
    public void TryParse_ManyFormsOfConcentrations_AllReadTheSameQuantity() =>
        AssertAllRead(QuantityForms.Concentrations(400, seed: 13));

    private static void AssertAllRead(IEnumerable<(string Text, decimal Value, string Unit)> forms)
    {
        var failures = new List<string>();
        foreach (var (text, value, unit) in forms)
        {
            var quantity = Parse.Quantity(text);
            if (quantity is not { } q || q.Value != value || q.Unit != unit)
            {
                failures.Add($"'{text}' read as {quantity?.Value} {quantity?.Unit}, expected {value} {unit}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Distinct()));
    }
}
