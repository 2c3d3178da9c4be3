using System.Globalization;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath;

namespace FhirTrials.Validation.Validators;

/// <summary>Orders primitive values (numbers, dates, times) and Quantities for minValue/maxValue checks.</summary>
internal static class ValueComparer
{
    /// <summary>Compares <paramref name="value"/> with <paramref name="limit"/>: negative when smaller; null when they cannot be compared.</summary>
    public static int? Compare(ElementNode value, ElementNode limit)
    {
        if (value.Type?.Name == "Quantity" || limit.Children.Count > 0)
        {
            return CompareQuantities(value, limit);
        }

        return CompareText(value.Text, limit.Text, limit.Type?.SystemType ?? value.Type?.SystemType);
    }

    private static readonly Lazy<CompiledExpression> Less = new(() => FhirPathCompiler.Default.Compile("%a < %b"));
    private static readonly Lazy<CompiledExpression> Greater = new(() => FhirPathCompiler.Default.Compile("%a > %b"));

    /// <summary>Quantities in the same unit by value; in different UCUM units after conversion (through FHIRPath's quantity comparison).</summary>
    private static int? CompareQuantities(ElementNode value, ElementNode limit)
    {
        var valueUnit = value.Child("code")?.Text ?? value.Child("unit")?.Text;
        var limitUnit = limit.Child("code")?.Text ?? limit.Child("unit")?.Text;
        if (limitUnit is null || string.Equals(valueUnit, limitUnit, StringComparison.Ordinal))
        {
            return CompareText(value.Child("value")?.Text, limit.Child("value")?.Text, "Decimal");
        }

        if (ToQuantity(value) is not { } a || ToQuantity(limit) is not { } b)
        {
            return null;
        }

        var context = new EvaluationContext().SetVariable("a", FhirPathItem.FromQuantity(a)).SetVariable("b", FhirPathItem.FromQuantity(b));
        return Less.Value.EvaluatePredicate(FhirPathItem.True, context) switch
        {
            true => -1,
            false => Greater.Value.EvaluatePredicate(FhirPathItem.True, context) == true ? 1 : 0,
            null => null,
        };
    }

    private static FhirPathQuantity? ToQuantity(ElementNode node)
    {
        var ucum = string.Equals(node.Child("system")?.Text, FhirPathQuantity.UcumSystem, StringComparison.Ordinal);
        var unit = ucum ? node.Child("code")?.Text : null;
        return unit is not null && decimal.TryParse(node.Child("value")?.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? new FhirPathQuantity(v, unit) : null;
    }

    private static int? CompareText(string? a, string? b, string? systemType)
    {
        if (a is null || b is null)
        {
            return null;
        }

        switch (systemType)
        {
            case "Integer" or "Decimal":
                return decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                    && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? x.CompareTo(y) : null;
            case "Date" or "DateTime":
                if (a.Length > 10 && b.Length > 10
                    && DateTimeOffset.TryParse(a, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var da)
                    && DateTimeOffset.TryParse(b, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var db))
                {
                    return da.CompareTo(db);
                }

                // Partial dates (2022, 2022-06, 2022-06-30) order as written: a more precise date within a period is after its start.
                return string.CompareOrdinal(a.Length > 10 ? a[..10] : a, b.Length > 10 ? b[..10] : b);
            case "Time":
                return string.CompareOrdinal(a, b);
            default:
                return null;
        }
    }
}

/// <summary><c>minValue[x]</c> and <c>maxValue[x]</c>.</summary>
internal sealed class MinMaxValueAssertion(ElementNode? minValue, ElementNode? maxValue, string path) : Schema.IAssertion
{
    public void Validate(ElementNode node, Schema.ValidationScope scope)
    {
        if (minValue is not null && ValueComparer.Compare(node, minValue) is < 0)
        {
            scope.Error(Fhir.Model.IssueType.Value, node, $"the value {ValueMatcher.Describe(node)} is below the minimum {ValueMatcher.Describe(minValue)} allowed for {path}", "minValue");
        }

        if (maxValue is not null && ValueComparer.Compare(node, maxValue) is > 0)
        {
            scope.Error(Fhir.Model.IssueType.Value, node, $"the value {ValueMatcher.Describe(node)} is above the maximum {ValueMatcher.Describe(maxValue)} allowed for {path}", "maxValue");
        }
    }
}
