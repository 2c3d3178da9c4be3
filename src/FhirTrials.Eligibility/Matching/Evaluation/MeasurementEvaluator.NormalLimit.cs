using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Records;
using FhirTrials.Eligibility.Matching.Units;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Fhir.Model;
using FhirQuantity = FhirTrials.Fhir.Model.Quantity;

namespace FhirTrials.Eligibility.Matching.Evaluation;

internal static partial class MeasurementEvaluator
{
    private const string UpperMultiple = "uln-multiple";
    private const string LowerMultiple = "lln-multiple";
    private const string ReferenceRangeMeaning = "http://terminology.hl7.org/CodeSystem/referencerange-meaning";

    /// <summary>"&gt; 1.5 × ULN": the value divided by the observation's referenceRange.high (low for LLN), compared with the multiple.</summary>
    private static Finding NormalLimit(FhirQuantity multiple, FoundObservation found, PatientValue value, CodeKey code, EvaluationContext context)
    {
        var upper = multiple.Code == UpperMultiple;
        if ((!upper && multiple.Code != LowerMultiple) || multiple.Value is not { } threshold)
        {
            return Finding.Unknown(UnknownReason.Unsupported, $"unknown FhirTrials unit '{multiple.Code}'");
        }

        var name = upper ? "ULN" : "LLN";
        var element = upper ? "high" : "low";
        var recorded = found.Evidence($"{Codes.Name(found.Code)} {value.Written}{On(found)}", value.Written);
        var range = found.ReferenceRanges.Where(r => Limit(r, upper)?.Value is not null).OrderBy(r => IsNormal(r) ? 0 : 1).FirstOrDefault();
        if (range is null || Limit(range, upper) is not { Value: { } limitValue } limit)
        {
            return Finding.Unknown(UnknownReason.NoReferenceRange,
                $"{found.Entry.Reference} has no referenceRange.{element}, so {Numbers.Format(threshold)} × {name} cannot be computed; the laboratory's normal range is needed")
                .With([recorded]);
        }

        var limitNumber = limitValue;
        string? conversion = null;
        var limitUnit = PatientValue.Read(limit, context.Knowledge)?.Unit;
        if (limitUnit is not null && value.Unit is not null && limitUnit != value.Unit)
        {
            if (!UnitConverter.TryConvert(limitValue, limitUnit, value.Unit, context.Knowledge.Analyte(code), context.Knowledge.Units, out var converted, out var problem))
            {
                return Finding.Unknown(UnknownReason.UnitConversion, "the reference range is in another unit: " + problem).With([recorded]);
            }

            limitNumber = converted.Value;
            conversion = "reference limit " + converted.Description;
        }

        if (limitNumber <= 0)
        {
            return Finding.Unknown(UnknownReason.NoReferenceRange, $"{found.Entry.Reference} has referenceRange.{element} {Numbers.Format(limitValue)}: no multiple of it can be computed").With([recorded]);
        }

        var ratio = value.Value / limitNumber;
        var evidence = recorded with
        {
            Summary = $"{recorded.Summary}, reference range {RangeText(range)}: {Numbers.Format(ratio)} × {name}",
            Compared = new EvidenceQuantity(Numbers.Round(ratio), "× " + name, CodeSystems.FhirTrialsEligibility, multiple.Code, value.Comparator),
            Conversion = conversion,
            RangeLow = Quantity(range.Low),
            RangeHigh = Quantity(range.High),
        };
        var accepted = ValueInterval.FromComparator(multiple.ComparatorElement?.LexicalValue, threshold);
        return Finding.From(ValueInterval.Satisfies(value.Interval(ratio), accepted)).With([evidence]);
    }

    private static FhirQuantity? Limit(Observation.ReferenceRangeComponent range, bool upper) => upper ? range.High : range.Low;

    private static bool IsNormal(Observation.ReferenceRangeComponent range) =>
        range.Type is null || Codes.Of(range.Type).Contains(new CodeKey(ReferenceRangeMeaning, "normal"));

    private static EvidenceQuantity? Quantity(FhirQuantity? quantity) =>
        quantity?.Value is { } v ? new EvidenceQuantity(v, quantity.Code ?? quantity.Unit, quantity.System, quantity.Code) : null;

    private static string RangeText(Observation.ReferenceRangeComponent range)
    {
        var unit = range.High?.Code ?? range.High?.Unit ?? range.Low?.Code ?? range.Low?.Unit;
        var bounds = (range.Low?.Value, range.High?.Value) switch
        {
            ({ } low, { } high) => $"{Numbers.Format(low)}–{Numbers.Format(high)}",
            (null, { } high) => $"<= {Numbers.Format(high)}",
            ({ } low, null) => $">= {Numbers.Format(low)}",
            _ => "(none)",
        };
        return unit is null ? bounds : bounds + " " + unit;
    }
}
