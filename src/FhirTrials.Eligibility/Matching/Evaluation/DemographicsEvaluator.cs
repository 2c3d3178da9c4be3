using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Fhir.Model;
using FhirRange = FhirTrials.Fhir.Model.Range;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>Age from Patient.birthDate at the evaluation date, and sex from Patient.gender.</summary>
internal static class DemographicsEvaluator
{
    public static Finding Age(CriterionSpec spec, EvaluationContext context)
    {
        if (context.Record.Patient is not { } patient)
        {
            return Finding.Unknown(UnknownReason.MissingData, "the Bundle has no Patient, so no birth date");
        }

        var birthDate = patient.Resource.BirthDate;
        if (!DateSpan.TryParse(birthDate, out var birth))
        {
            return Finding.Unknown(UnknownReason.MissingData, $"{patient.Reference} has no birthDate");
        }

        var (accepted, unit) = spec.Value switch
        {
            FhirRange range => (new ValueInterval(Bound(range.Low), Bound(range.High)), range.Low?.Code ?? range.High?.Code),
            Fhir.Model.Quantity { Value: { } value } quantity => (ValueInterval.FromComparator(quantity.ComparatorElement?.LexicalValue, value), quantity.Code),
            _ => (default, null),
        };
        if (unit is null || !Ages.IsUnit(unit))
        {
            return Finding.Unknown(UnknownReason.Unsupported, "the age criterion has no UCUM time unit (a, mo, wk, d)");
        }

        var youngest = Ages.In(unit, DateOnly.FromDateTime(birth.Hi.UtcDateTime), context.Date);
        var oldest = Ages.In(unit, DateOnly.FromDateTime(birth.Lo.UtcDateTime), context.Date);
        var age = (youngest == oldest ? $"{youngest}" : $"{youngest} to {oldest}") + " " + Ages.Words(unit);
        var evidence = patient.Evidence($"born {birthDate}: aged {age} on {context.DateText}", "Patient.birthDate", birthDate, birthDate) with
        {
            Compared = youngest == oldest ? new EvidenceQuantity(youngest, unit, Terminology.CodeSystems.Ucum, unit) : null,
        };
        var holds = ValueInterval.Satisfies(new ValueInterval(new Bound(youngest, true), new Bound(oldest, true)), accepted);
        var finding = Finding.From(holds).With([evidence]);
        return holds is null ? finding.Say($"the birth date {birthDate} is too coarse to decide the age in whole {Ages.Words(unit)}") : finding;
    }

    public static Finding Sex(CriterionSpec spec, EvaluationContext context)
    {
        if (spec.Value is not CodeableConcept { Coding.Count: > 0 } concept || concept.Coding[0].Code is not { } wanted)
        {
            return Finding.Unknown(UnknownReason.Unsupported, "the sex criterion has no administrative-gender code");
        }

        if (context.Record.Patient is not { } patient)
        {
            return Finding.Unknown(UnknownReason.MissingData, "the Bundle has no Patient, so no gender");
        }

        var gender = patient.Resource.GenderElement?.LexicalValue;
        if (gender is null or "unknown")
        {
            return Finding.Unknown(UnknownReason.MissingData, $"{patient.Reference} has no known gender");
        }

        var evidence = patient.Evidence($"gender {gender}", "Patient.gender", gender);
        if (gender == "other")
        {
            return Finding.Unknown(UnknownReason.Undetermined, $"Patient.gender is 'other'; the criterion asks for {wanted}").With([evidence]);
        }

        return Finding.From(string.Equals(gender, wanted, StringComparison.Ordinal)).With([evidence]);
    }

    private static Bound? Bound(Fhir.Model.Quantity? quantity) => quantity?.Value is { } value ? new Bound(value, true) : null;
}
