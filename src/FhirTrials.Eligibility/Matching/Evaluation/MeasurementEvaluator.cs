using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;
using FhirTrials.Eligibility.Matching.Time;
using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;
using FhirRange = FhirTrials.Fhir.Model.Range;
using FhirQuantity = FhirTrials.Fhir.Model.Quantity;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>
/// Laboratory values, vital signs, BMI and scores: the most recent Observation (or component) with the
/// criterion's code or an equivalent, its value converted to the criterion's unit, or divided by the
/// reference range's limit for multiples of a normal limit.
/// </summary>
internal static partial class MeasurementEvaluator
{
    public static Finding Evaluate(CriterionSpec spec, EvaluationContext context)
    {
        if (spec.Code is not { } code)
        {
            return Finding.Unknown(UnknownReason.Unsupported, "the characteristic has no code");
        }

        var codes = Codes.Equivalents(code, context.Knowledge);
        var found = ObservationFinder.Find(context.Record, codes);
        var messages = new List<string>();
        if (spec.Window is { Relation: WindowRelation.Within } window)
        {
            found = InWindow(found, window, context, messages);
        }

        var latest = found.Select(f => (Found: f, Value: PatientValue.Read(f.Value, context.Knowledge))).FirstOrDefault(f => f.Value is not null);
        if (latest.Value is not { } value)
        {
            var why = found.Count > 0
                ? $"{found[0].Entry.Reference} has no numeric value ({found[0].Element})"
                : $"no Observation coded {Listed(codes)} in the record" + (spec.Window is { Relation: WindowRelation.Within } w ? $" within '{w.Describe()}'" : string.Empty);
            var missing = Finding.Unknown(UnknownReason.MissingData, why).With(found.Take(1).Select(f => f.Evidence("has no numeric value", null)));
            messages.ForEach(m => missing.Say(m));
            return missing;
        }

        if (!codes.Contains(code) || !Codes.Of(latest.Found.Code).Contains(code))
        {
            messages.Add($"{latest.Found.Entry.Reference} is coded {Codes.Name(latest.Found.Code)}, the same analyte as {code} (analytes.json)");
        }

        if (found.Count > 1)
        {
            messages.Add($"the most recent of {found.Count} observations is used");
        }

        if (value.UnitNote is { } note)
        {
            messages.Add(note);
        }

        var finding = spec.Value switch
        {
            FhirQuantity { System: CodeSystems.FhirTrialsEligibility } multiple => NormalLimit(multiple, latest.Found, value, code, context),
            FhirQuantity { Value: { } threshold } quantity => Compare(ValueInterval.FromComparator(quantity.ComparatorElement?.LexicalValue, threshold), Unit(quantity), latest.Found, value, code, context),
            FhirRange range => Compare(new ValueInterval(Bound(range.Low), Bound(range.High)), Unit(range.Low) ?? Unit(range.High), latest.Found, value, code, context),
            _ => Finding.Unknown(UnknownReason.Unsupported, "the characteristic's value is neither a Quantity nor a Range"),
        };
        foreach (var message in messages)
        {
            finding.Say(message);
        }

        return finding;
    }

    private static Finding Compare(ValueInterval accepted, string? unit, FoundObservation found, PatientValue value, CodeKey code, EvaluationContext context)
    {
        var number = value.Value;
        string? conversion = null;
        if (unit is not null)
        {
            if (value.Unit is null)
            {
                return Finding.Unknown(UnknownReason.UnitConversion, $"{found.Entry.Reference} has no unit; the criterion is in {unit}")
                    .With([found.Evidence($"{Codes.Name(found.Code)} {value.Written}", value.Written)]);
            }

            if (!UnitConverter.TryConvert(value.Value, value.Unit, unit, context.Knowledge.Analyte(code), context.Knowledge.Units, out var converted, out var problem))
            {
                return Finding.Unknown(UnknownReason.UnitConversion, problem)
                    .With([found.Evidence($"{Codes.Name(found.Code)} {value.Written}", value.Written)]);
            }

            number = converted.Value;
            conversion = converted.Description;
        }

        var summary = $"{Codes.Name(found.Code)} {value.Written}" + (conversion is null ? string.Empty : $" = {Numbers.Format(number)} {unit}") + On(found);
        var evidence = found.Evidence(summary, value.Written) with
        {
            Compared = new EvidenceQuantity(Numbers.Round(number), unit, unit is null ? null : CodeSystems.Ucum, unit, value.Comparator),
            Conversion = conversion,
        };
        return Finding.From(ValueInterval.Satisfies(value.Interval(number), accepted)).With([evidence]);
    }

    private static List<FoundObservation> InWindow(IReadOnlyList<FoundObservation> found, TimeWindowSpec window, EvaluationContext context, List<string> messages)
    {
        var kept = new List<FoundObservation>();
        foreach (var observation in found)
        {
            var check = observation.When is { } when
                ? TimeWindowCheck.Check(window, when, context.Date, context.Knowledge.Units, onsetOnly: true)
                : (Holds: (bool?)null, Explanation: "it has no date");
            if (check.Holds == true)
            {
                kept.Add(observation);
            }
            else
            {
                messages.Add($"{observation.Entry.Reference} is not used: {check.Explanation}");
            }
        }

        return kept;
    }

    private static string? Unit(FhirQuantity? quantity) => quantity?.Code ?? quantity?.Unit;

    private static Bound? Bound(FhirQuantity? quantity) => quantity?.Value is { } value ? new Bound(value, true) : null;

    private static string On(FoundObservation found) => found.Date is { } date ? " on " + date : string.Empty;

    private static string Listed(IReadOnlySet<CodeKey> codes) => string.Join(" or ", codes.Select(c => $"{Codes.ShortSystem(c.System)} {c.Code}"));
}
