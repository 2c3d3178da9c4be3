using System.Globalization;

namespace FhirTrials.Fhir.Model;

/// <summary>Converts between the lexical forms of FHIR boolean, integer and decimal values and CLR values.</summary>
public static class PrimitiveLexical
{
    public static bool? ParseBoolean(string? lexical) => lexical switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    public static int? ParseInteger(string? lexical) =>
        int.TryParse(lexical, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static decimal? ParseDecimal(string? lexical) =>
        decimal.TryParse(lexical, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static string? Format(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };

    public static string? Format(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a decimal keeping its scale (<c>1.50m</c> → <c>1.50</c>).</summary>
    public static string? Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
