using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records;
using Quantity = FhirTrials.Fhir.Model.Quantity;

namespace FhirTrials.Mapping.Fhir;

internal static partial class InterventionMapper
{
    /// <summary>
    /// A dose regimen → Dosage: the source sentence as text, route, dose (UCUM, e.g. 1.5 "10*6/kg") or
    /// dose range, and timing.repeat (count = administrations, period + periodUnit = interval; the
    /// interval's wording, e.g. "twice daily", as timing.code.text). Label, arm, start offset and course
    /// description stay in registry-fields (the protocol's dose actions show them too).
    /// </summary>
    internal static Dosage Dosage(DoseRegimen regimen)
    {
        var dosage = new Dosage
        {
            Text = regimen.Text,
            Route = regimen.Route is { } route ? Concepts.FromCodes(route.Codes, route.Text) : null,
        };
        var mapped = new HashSet<string>(StringComparer.Ordinal) { "text", "route", "dose", "doseRange" };
        if (regimen.Dose is { } dose)
        {
            dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Dose = DoseQuantity(dose) });
        }
        else if (regimen.DoseRange is { } range)
        {
            var fhirRange = new FhirTrials.Fhir.Model.Range
            {
                Low = range.Low is { } low ? DoseQuantity(low) : null,
                High = range.High is { } high ? DoseQuantity(high) : null,
            };
            dosage.DoseAndRate.Add(new Dosage.DoseAndRateComponent { Dose = fhirRange });
        }

        var repeat = new Timing.RepeatComponent();
        var timing = new Timing();
        if (regimen.NumberOfAdministrations is int count and > 0)
        {
            repeat.Count = count;
            mapped.Add("numberOfAdministrations");
        }

        if (regimen.Interval is { } interval && interval.Value >= 0 && EnumLiterals.TryParse<UnitsOfTime>(interval.Unit, out var unit))
        {
            repeat.Period = interval.Value;
            repeat.PeriodUnit = unit;
            timing.Code = interval.UnitDisplay is { } wording ? Concepts.Text(wording) : null;
            mapped.Add("interval");
        }

        if (!repeat.IsEmpty)
        {
            timing.Repeat = repeat;
            dosage.Timing = timing;
        }

        RegistryFields.Add(dosage, regimen, mapped);
        return dosage;
    }

    /// <summary>The Timing a regimen's Dosage has, for the protocol's dose actions (null when none).</summary>
    internal static Timing? ScheduleOf(Dosage dosage) => dosage.Timing is { Repeat: { } repeat }
        ? new Timing { Repeat = new Timing.RepeatComponent { CountElement = repeat.CountElement, PeriodElement = repeat.PeriodElement, PeriodUnitElement = repeat.PeriodUnitElement } }
        : null;

    private static Quantity DoseQuantity(Records.Quantity dose) =>
        new() { Value = dose.Value, Unit = dose.UnitDisplay, System = SystemUris.Ucum, Code = dose.Unit };
}
