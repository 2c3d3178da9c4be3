using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>FHIRPath's rules for reading collections as booleans.</summary>
internal static class Booleans
{
    /// <summary>
    /// Singleton evaluation: empty is null; one Boolean (System or FHIR <c>boolean</c>) is its value;
    /// one item of another type is true; several items are an error.
    /// </summary>
    public static bool? Singleton(ItemList items, int position, string expected)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (items.Count > 1)
        {
            throw new FhirPathEvaluationException($"expected {expected}, found a collection of {items.Count} items", position);
        }

        return Of(items[0]);
    }

    /// <summary>The boolean an item stands for: its value for Booleans, true for anything else; null for a valueless FHIR boolean.</summary>
    public static bool? Of(in FhirPathItem item)
    {
        if (item.Kind == FhirPathItemKind.Boolean)
        {
            return item.BooleanValue;
        }

        if (item.Node is { Type.SystemType: "Boolean" } node)
        {
            return FromText(node);
        }

        return true;
    }

    /// <summary>True when the item is a Boolean (System or FHIR); <paramref name="value"/> is null for a valueless FHIR boolean.</summary>
    public static bool TryGetBoolean(in FhirPathItem item, out bool? value)
    {
        if (item.Kind == FhirPathItemKind.Boolean)
        {
            value = item.BooleanValue;
            return true;
        }

        if (item.Node is { Type.SystemType: "Boolean" } node)
        {
            value = FromText(node);
            return true;
        }

        value = null;
        return false;
    }

    private static bool? FromText(ElementNode node) => node.Text switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
