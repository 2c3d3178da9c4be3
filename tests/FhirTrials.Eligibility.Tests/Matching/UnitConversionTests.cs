using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>UCUM conversion by the unit tables: same dimension by factor, mass ↔ substance by molar mass.</summary>
public sealed class UnitConversionTests
{
    private static readonly MatchingKnowledge Knowledge = MatchingKnowledge.Default;

    private static Analyte? Analyte(string loinc) => Knowledge.Analyte(new CodeKey(CodeSystems.Loinc, loinc));

    [Theory]
    [InlineData(12.5, "g/dL", "g/L", null, 125)]
    [InlineData(125, "g/L", "g/dL", null, 12.5)]
    [InlineData(6.1, "10*3/uL", "10*9/L", null, 6.1)]
    [InlineData(250000, "/uL", "10*9/L", null, 250)]
    [InlineData(4.5, "10*6/uL", "10*12/L", null, 4.5)]
    [InlineData(0.45, "L/L", "%", null, 45)]
    [InlineData(1500, "mg/(24.h)", "g/(24.h)", null, 1.5)]
    [InlineData(90, "mg/dL", "mmol/L", "2345-7", 4.99556)]
    [InlineData(1.0, "mg/dL", "umol/L", "2160-0", 88.4017)]
    [InlineData(88.4, "umol/L", "mg/dL", "14682-9", 0.999981)]
    [InlineData(17.1, "umol/L", "mg/dL", "1975-2", 0.999769)]
    public void TryConvert_KnownUnits_Converts(double value, string from, string to, string? analyte, double expected)
    {
        Assert.True(UnitConverter.TryConvert((decimal)value, from, to, analyte is null ? null : Analyte(analyte), Knowledge.Units, out var converted, out _));

        Assert.Equal((decimal)expected, Numbers.Round(converted.Value));
        Assert.StartsWith($"{Numbers.Format((decimal)value)} {from} = ", converted.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void TryConvert_SameUnit_HasNoDescription()
    {
        Assert.True(UnitConverter.TryConvert(3, "g/L", "g/L", null, Knowledge.Units, out var converted, out _));

        Assert.Equal(new Converted(3, null), converted);
    }

    [Theory]
    [InlineData("mg/dL", "mmol/L", null, "no molar mass for this analyte")]
    [InlineData("g/dL", "U/L", null, "(mass-concentration) to 'U/L' (catalytic-concentration)")]
    [InlineData("g/dL", "furlong", null, "furlong is not in the unit table")]
    public void TryConvert_Impossible_SaysWhy(string from, string to, string? analyte, string problem)
    {
        Assert.False(UnitConverter.TryConvert(1, from, to, analyte is null ? null : Analyte(analyte), Knowledge.Units, out _, out var why));

        Assert.Contains(problem, why, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitCatalog_HasTheCanonicalUnitOfEveryMeasurementTheParserCodes()
    {
        var missing = Lexicon.Default.Measurements.Where(m => m.Unit is not null && Knowledge.Units.Find(m.Unit) is null).Select(m => $"{m.Key}: {m.Unit}").ToList();

        Assert.Empty(missing);
    }
}
