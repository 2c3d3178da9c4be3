using System.Globalization;
using System.Text.RegularExpressions;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Parses CT.gov ages and durations ("18 Years", "6 Months", "30 Minutes", "1.5 Years") into value and
/// UCUM unit, keeping the original text. Text it cannot read ("N/A", "see criteria") keeps the text only.
/// </summary>
public static partial class DurationParser
{
    public static ParsedDuration Parse(string text, TimeUnitTable units)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(units);
        var match = ValueAndUnit().Match(text);
        if (match.Success
            && decimal.TryParse(match.Groups["value"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && units.TryGetUcum(match.Groups["unit"].Value, out var ucum))
        {
            return new ParsedDuration { Text = text, Value = value, Unit = ucum };
        }

        return new ParsedDuration { Text = text };
    }

    [GeneratedRegex(@"^\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>[A-Za-z]+)\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueAndUnit();
}
