using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>Reads quantities written as strings (<c>'4 days'</c>, <c>'10 \'mg\''</c>, <c>'1.5'</c>) for <c>toQuantity()</c>.</summary>
internal static partial class QuantityText
{
    public static FhirPathQuantity? Parse(string text)
    {
        var match = QuantityPattern().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["value"].ValueSpan, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        if (match.Groups["ucum"].Success)
        {
            return new FhirPathQuantity(value, match.Groups["ucum"].Value);
        }

        if (match.Groups["word"].Success)
        {
            var word = match.Groups["word"].Value;
            return CalendarUnits.FromKeyword(word) is null ? null : new FhirPathQuantity(value, word, unitIsKeyword: true);
        }

        return new FhirPathQuantity(value);
    }

    [GeneratedRegex(@"^\s*(?<value>[+-]?\d+(\.\d+)?)\s*('(?<ucum>[^']+)'|(?<word>[A-Za-z]+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();
}
