using System.Globalization;

namespace FhirTrials.Eligibility.Tests.Quantities;

/// <summary>
/// Generators of the many ways one quantity is written ("3.5x10^9/L", "3,5 × 10⁹/l", "3.5x109/L"...), for
/// property-style tests: every generated form must read back as the same normalised value and UCUM unit.
/// </summary>
internal static class QuantityForms
{
    private static readonly decimal[] Values = [0.5m, 1m, 1.5m, 2.0m, 3.5m, 4m, 7.25m, 10m, 75m, 100m, 150m, 450.5m];

    private static readonly string[] PowersOfNine =
        ["x10^9", "x 10^9", "×10^9", "× 10^9", "×10⁹", "× 10⁹", "x10⁹", "X10^9", "*10^9", "x10E9", "x 10E9", "x10e9", "x109", "× 109", " 10^9", "x10^ 9", "x10*9"];

    private static readonly string[] PerLitre = ["/L", "/l", " /L", "/ L", "/litre", "/liter", " per litre", " per liter"];

    private static readonly string[] PowersOfThree = ["x10^3", "×10³", "x103", "X 10^3", "×10^3"];

    private static readonly string[] PerMicrolitre = ["/uL", "/µL", "/μL", "/ul", " /µL", "/mcL"];

    public static IEnumerable<(string Text, decimal Value, string Unit)> CountsPerLitre(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var value = Pick(random, Values);
            yield return (Number(random, value) + Space(random) + Pick(random, PowersOfNine) + Pick(random, PerLitre), value, "10*9/L");
        }
    }

    public static IEnumerable<(string Text, decimal Value, string Unit)> CountsPerMicrolitre(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var value = Pick(random, Values);
            yield return (Number(random, value) + Space(random) + Pick(random, PowersOfThree) + Pick(random, PerMicrolitre), value, "10*3/uL");
        }
    }

    public static IEnumerable<(string Text, decimal Value, string Unit)> Concentrations(int count, int seed)
    {
        var units = new (string Ucum, string[] Spellings)[]
        {
            ("g/dL", ["g/dL", "g/dl", "gm/dl", "g /dL", "g/100 mL", "g/100ml"]),
            ("g/L", ["g/L", "g/l", "gm/L", "g / L"]),
            ("mg/dL", ["mg/dL", "mg/dl", "mg / dl", "mg/100mL"]),
            ("umol/L", ["umol/L", "µmol/L", "μmol/l", "micromol/L"]),
            ("mmol/L", ["mmol/L", "mmol/l", "mmol / L"]),
            ("U/L", ["U/L", "IU/L", "u/l"]),
            ("%", ["%", " %", " percent"]),
            ("mm[Hg]", ["mmHg", "mm Hg", " mmHg"]),
            ("/min", ["bpm", " beats per minute", "/min"]),
            ("kg/m2", ["kg/m2", "kg/m²", "kg/m^2", " kg/m2"]),
            ("mL/min/{1.73_m2}", ["mL/min/1.73 m2", "ml/min/1.73m2", "mL/min/1.73m²", " mL/min per 1.73 m2"]),
        };
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var value = Pick(random, Values);
            var (ucum, spellings) = Pick(random, units);
            yield return (Number(random, value) + Space(random) + Pick(random, spellings), value, ucum);
        }
    }

    /// <summary>The value with a decimal point, or a decimal comma when that cannot read as thousands.</summary>
    public static string Number(Random random, decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var decimals = dot < 0 ? 0 : text.Length - dot - 1;
        return decimals is > 0 and not 3 && random.Next(3) == 0 ? text.Replace('.', ',') : text;
    }

    public static string Space(Random random) => random.Next(2) == 0 ? "" : " ";

    public static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
