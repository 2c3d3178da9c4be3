using System.Globalization;
using FhirTrials.Eligibility.Quantities;

namespace FhirTrials.Eligibility.CrossCheck;

/// <summary>An age with its UCUM time unit; compares in years.</summary>
internal readonly record struct AgeLimit(decimal Value, string Unit, bool Strict = false)
{
    public decimal Years => Unit switch
    {
        "a" => Value,
        "mo" => Value / 12m,
        "wk" => Value * 7m / 365.25m,
        "d" => Value / 365.25m,
        "h" => Value / 8766m,
        "min" => Value / 525960m,
        _ => Value,
    };

    /// <summary>Parses ClinicalTrials.gov ages: "18 Years", "6 Months", "2 Weeks", "30 Days"; null for "N/A" or empty.</summary>
    public static AgeLimit? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !NumberParser.TryParse(parts[0], out var value))
        {
            return null;
        }

        var unit = parts[1].ToUpperInvariant() switch
        {
            "YEAR" or "YEARS" => "a",
            "MONTH" or "MONTHS" => "mo",
            "WEEK" or "WEEKS" => "wk",
            "DAY" or "DAYS" => "d",
            "HOUR" or "HOURS" => "h",
            "MINUTE" or "MINUTES" => "min",
            _ => null,
        };
        return unit is null ? null : new AgeLimit(value, unit);
    }

    /// <summary>Equal ages; a strict limit ("under 80", "over 18") also agrees with the next whole unit (79, 19).</summary>
    public bool SameAs(AgeLimit other)
    {
        if (Unit == other.Unit && Strict && Math.Abs(Value - other.Value) == 1m)
        {
            return true;
        }

        return Math.Abs(Years - other.Years) < 0.01m;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " " + Unit;
}
