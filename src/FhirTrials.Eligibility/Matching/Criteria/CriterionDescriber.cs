using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Fhir.Model;
using FhirRange = FhirTrials.Fhir.Model.Range;

namespace FhirTrials.Eligibility.Matching.Criteria;

/// <summary>The structured reading of a characteristic in words: "Hemoglobin [Mass/volume] in Blood &lt; 100 g/L".</summary>
internal static class CriterionDescriber
{
    public static string Describe(CriterionSpec spec)
    {
        var name = spec.Kind == CharacteristicKind.Therapy ? spec.CodeText : spec.CodeDisplay ?? spec.CodeText;
        name ??= spec.Code?.ToString() ?? "characteristic";
        var value = spec.Value switch
        {
            FhirRange range => " " + Range(range),
            Fhir.Model.Quantity quantity => " " + Quantity(quantity),
            CodeableConcept { Coding.Count: > 0 } concept => ": " + (concept.Coding[0].Code ?? concept.Text),
            CodeableConcept concept when spec.Kind == CharacteristicKind.FreeText => ": " + concept.Text,
            FhirBoolean { Value: false } => ": no",
            _ => string.Empty,
        };
        var window = spec.Window is { } w ? $" ({w.Describe()})" : string.Empty;
        return name + value + window;
    }

    public static string Quantity(Fhir.Model.Quantity quantity)
    {
        var comparator = quantity.ComparatorElement?.LexicalValue is { } c ? c + " " : string.Empty;
        var unit = QuantityUnit(quantity) is { } u ? " " + u : string.Empty;
        return comparator + Numbers.Format(quantity.Value) + unit;
    }

    /// <summary>The unit of a quantity as written: the UCUM code, else the unit text ("× ULN" for normal-limit multiples).</summary>
    public static string? QuantityUnit(Fhir.Model.Quantity quantity) =>
        quantity.System == CodeSystems.Ucum ? quantity.Code ?? quantity.Unit : quantity.Unit ?? quantity.Code;

    private static string Range(FhirRange range) => (range.Low, range.High) switch
    {
        ({ } low, { } high) => $"{Numbers.Format(low.Value)}{Suffix(low)} to {Numbers.Format(high.Value)}{Suffix(high)}",
        ({ } low, null) => $">= {Numbers.Format(low.Value)}{Suffix(low)}",
        (null, { } high) => $"<= {Numbers.Format(high.Value)}{Suffix(high)}",
        _ => "(no bounds)",
    };

    private static string Suffix(Fhir.Model.Quantity quantity) => (quantity.Unit ?? quantity.Code) is { } u ? " " + u : string.Empty;
}
