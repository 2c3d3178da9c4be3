namespace FhirTrials.FhirPath.Values;

/// <summary>Decimal helpers with FHIRPath semantics.</summary>
internal static class DecimalMath
{
    /// <summary>Equivalence: equal when both are rounded to the precision (decimal places) of the less precise one.</summary>
    public static bool Equivalent(decimal a, decimal b)
    {
        var scale = Math.Min(a.Scale, b.Scale);
        return decimal.Round(a, scale, MidpointRounding.AwayFromZero) == decimal.Round(b, scale, MidpointRounding.AwayFromZero);
    }

    /// <summary>The value with exactly <paramref name="scale"/> decimal places (trailing zeros added, never removed by rounding).</summary>
    public static decimal WithScale(decimal value, int scale)
    {
        var rounded = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        return rounded + new decimal(0, 0, 0, false, (byte)scale);
    }

    /// <summary>The decimal as FHIRPath writes it: invariant, trailing zeros kept, and the sign of a negative zero (<c>-0.0</c>) kept.</summary>
    public static string Format(decimal value)
    {
        var text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return value == 0 && decimal.IsNegative(value) && text[0] != '-' ? "-" + text : text;
    }

    /// <summary>Converts a double result of a math function back to decimal; null for NaN, infinities and out-of-range values.</summary>
    public static decimal? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) > (double)decimal.MaxValue)
        {
            return null;
        }

        return (decimal)value;
    }
}
