using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>A numeric result read from an Observation value: the number, its comparator ("&lt;0.5") and UCUM unit.</summary>
internal sealed record PatientValue(decimal Value, string? Comparator, string? Unit, string Written, string? UnitNote)
{
    /// <summary>Reads valueQuantity (UCUM code, else a unit spelling the criteria tables know) or valueInteger; null for other values.</summary>
    public static PatientValue? Read(DataType? value, MatchingKnowledge knowledge) => value switch
    {
        Fhir.Model.Quantity { Value: { } number } quantity => FromQuantity(number, quantity, knowledge),
        Integer { Value: { } number } => new PatientValue(number, null, null, number.ToString(System.Globalization.CultureInfo.InvariantCulture), null),
        _ => null,
    };

    public ValueInterval Interval(decimal value) => ValueInterval.FromComparator(Comparator, value);

    private static PatientValue FromQuantity(decimal number, Fhir.Model.Quantity quantity, MatchingKnowledge knowledge)
    {
        var comparator = quantity.ComparatorElement?.LexicalValue;
        var written = (comparator ?? string.Empty) + Numbers.Format(number) + ((quantity.Unit ?? quantity.Code) is { } u ? " " + u : string.Empty);
        if (quantity.Code is { } code && (quantity.System == CodeSystems.Ucum || knowledge.Units.Find(code) is not null))
        {
            return new PatientValue(number, comparator, code, written, null);
        }

        if (quantity.Unit is { Length: > 0 } text && Text.ScanText.Map(text.Trim()) is var mapped
            && Lexicon.Default.Units.Match(mapped, 0, out var end) is { } spelled && end == mapped.Length)
        {
            return new PatientValue(number, comparator, spelled.Ucum, written, $"unit read from the text '{text}' as UCUM '{spelled.Ucum}' (the Quantity has no UCUM code)");
        }

        return new PatientValue(number, comparator, quantity.Unit ?? quantity.Code, written, null);
    }
}
