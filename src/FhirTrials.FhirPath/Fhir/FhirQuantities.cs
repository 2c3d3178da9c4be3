using System.Collections.Concurrent;
using System.Globalization;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.FhirPath.Fhir;

/// <summary>Reads FHIR <c>Quantity</c> nodes (and Age, Duration, Count, Distance…) as System Quantities.</summary>
internal static class FhirQuantities
{
    private static readonly ConcurrentDictionary<FhirTypeInfo, bool> QuantityTypes = new();

    public static bool IsQuantityType(FhirTypeInfo type) => QuantityTypes.GetOrAdd(type, static t => t.IsSubtypeOf("Quantity"));

    /// <summary>
    /// The quantity a node holds: its value with the UCUM <c>code</c> when the system is UCUM (or
    /// absent), else the <c>unit</c> text; null when it has no value.
    /// </summary>
    public static FhirPathQuantity? FromNode(ElementNode node)
    {
        string? valueText = null, code = null, system = null, unit = null;
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            switch (child.Name)
            {
                case "value":
                    valueText = child.Text;
                    break;
                case "code":
                    code = child.Text;
                    break;
                case "system":
                    system = child.Text;
                    break;
                case "unit":
                    unit = child.Text;
                    break;
            }
        }

        if (valueText is null || !decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var ucum = system is null or FhirPathQuantity.UcumSystem;
        var unitText = code is not null && ucum ? code : unit ?? code ?? "1";
        return new FhirPathQuantity(value, unitText);
    }
}
