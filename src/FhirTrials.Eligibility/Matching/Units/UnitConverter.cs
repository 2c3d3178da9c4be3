using FhirTrials.Eligibility.Matching.Knowledge;

namespace FhirTrials.Eligibility.Matching.Units;

/// <summary>A value converted to another unit, with the conversion in words ("12.5 g/dL = 125 g/L (×10)"); null words when the units are the same.</summary>
internal readonly record struct Converted(decimal Value, string? Description);

/// <summary>
/// Converts between UCUM units by the factors of the unit tables: within one dimension (g/dL ↔ g/L,
/// 10*3/uL ↔ 10*9/L) and between mass and substance concentration through the analyte's molar mass
/// (creatinine mg/dL ↔ umol/L).
/// </summary>
internal static class UnitConverter
{
    private const string Mass = "mass-concentration";
    private const string Substance = "substance-concentration";

    public static bool TryConvert(decimal value, string from, string to, Analyte? analyte, UnitCatalog units, out Converted converted, out string problem)
    {
        converted = default;
        problem = string.Empty;
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            converted = new Converted(value, null);
            return true;
        }

        if (units.Find(from) is not { } source || units.Find(to) is not { } target)
        {
            problem = $"no conversion from '{from}' to '{to}': {(units.Find(from) is null ? from : to)} is not in the unit table";
            return false;
        }

        var inBase = value * source.Factor;
        string how;
        if (source.Dimension == target.Dimension)
        {
            how = "×" + Numbers.Format(source.Factor / target.Factor);
        }
        else if (analyte?.MolarMass is { } molarMass && IsMassSubstancePair(source.Dimension, target.Dimension))
        {
            inBase = source.Dimension == Mass ? inBase / molarMass : inBase * molarMass;
            how = $"{analyte.Name}, molar mass {Numbers.Format(molarMass)} g/mol";
        }
        else
        {
            problem = $"no conversion from '{from}' ({source.Dimension}) to '{to}' ({target.Dimension})"
                + (IsMassSubstancePair(source.Dimension, target.Dimension) ? ": no molar mass for this analyte" : string.Empty);
            return false;
        }

        var result = inBase / target.Factor;
        converted = new Converted(result, $"{Numbers.Format(value)} {from} = {Numbers.Format(result)} {to} ({how})");
        return true;
    }

    private static bool IsMassSubstancePair(string a, string b) => (a == Mass && b == Substance) || (a == Substance && b == Mass);
}
