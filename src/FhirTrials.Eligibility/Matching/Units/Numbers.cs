using System.Globalization;

namespace FhirTrials.Eligibility.Matching.Units;

/// <summary>Numbers as evidence shows them: invariant culture, no trailing zeros, at most six significant digits after conversions.</summary>
internal static class Numbers
{
    public static string Format(decimal? value)
    {
        if (value is not { } v)
        {
            return "?";
        }

        var rounded = v == 0 ? 0 : RoundSignificant(v, 6);
        return rounded.ToString("0.############", CultureInfo.InvariantCulture);
    }

    /// <summary>The value rounded to six significant digits, as evidence reports converted values.</summary>
    public static decimal Round(decimal value) =>
        value == 0 ? 0 : RoundSignificant(value, 6) / 1.000000000000000000000000000000000m; // the division drops trailing zeros (128.000 → 128)

    private static decimal RoundSignificant(decimal value, int digits)
    {
        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var decimals = Math.Clamp(digits - 1 - magnitude, 0, 12);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
    }
}
