using System.Text;

namespace FhirTrials.FhirPath.Ucum;

/// <summary>
/// A UCUM unit reduced to its canonical form: a factor times a product of the base units
/// (m, g, s, rad, K, C, cd, mol) raised to integer exponents.
/// </summary>
internal sealed class UcumUnit
{
    public const int BaseCount = 8;

    private static readonly string[] BaseSymbols = ["m", "g", "s", "rad", "K", "C", "cd", "mol"];

    public UcumUnit(decimal factor, int[] exponents)
    {
        Factor = factor;
        Exponents = exponents;
    }

    public static UcumUnit One { get; } = new(1m, new int[BaseCount]);

    /// <summary>How many canonical units one of this unit is.</summary>
    public decimal Factor { get; }

    public int[] Exponents { get; }

    public static UcumUnit Base(int index)
    {
        var exponents = new int[BaseCount];
        exponents[index] = 1;
        return new UcumUnit(1m, exponents);
    }

    /// <summary>True when both measure the same kind of quantity (so they convert into each other).</summary>
    public bool IsCommensurableWith(UcumUnit other) => Exponents.AsSpan().SequenceEqual(other.Exponents);

    public UcumUnit Multiply(UcumUnit other, int sign = 1)
    {
        var exponents = new int[BaseCount];
        for (var i = 0; i < BaseCount; i++)
        {
            exponents[i] = Exponents[i] + (sign * other.Exponents[i]);
        }

        return new UcumUnit(sign > 0 ? Factor * other.Factor : Factor / other.Factor, exponents);
    }

    public UcumUnit Power(int exponent)
    {
        var exponents = new int[BaseCount];
        var factor = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            factor *= Factor;
        }

        for (var i = 0; i < BaseCount; i++)
        {
            exponents[i] = Exponents[i] * exponent;
        }

        return new UcumUnit(exponent < 0 ? 1m / factor : factor, exponents);
    }

    public UcumUnit Scale(decimal factor) => new(Factor * factor, Exponents);

    /// <summary>The canonical unit as a UCUM expression: <c>m2</c>, <c>g.m-1</c>, <c>1</c>.</summary>
    public string CanonicalCode()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < BaseCount; i++)
        {
            if (Exponents[i] == 0)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append('.');
            }

            sb.Append(BaseSymbols[i]);
            if (Exponents[i] != 1)
            {
                sb.Append(Exponents[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.Length == 0 ? "1" : sb.ToString();
    }

    internal static int BaseIndex(string symbol) => Array.IndexOf(BaseSymbols, symbol);
}
