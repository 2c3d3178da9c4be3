using System.Globalization;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Server.Matching;

/// <summary>
/// The criteria the server evaluates itself, as FhirTrials encodes them in Group.characteristic: age
/// (SNOMED 397669002, valueRange in UCUM a, mo, wk or d, bounds inclusive) from Patient.birthDate, and
/// sex (SNOMED 263495000, valueCodeableConcept in administrative-gender) from Patient.gender. Every
/// other characteristic is unknown until the full matcher is plugged in.
/// </summary>
public sealed class BasicStudyMatcher : IStudyMatcher
{
    internal const string Snomed = "http://snomed.info/sct";
    internal const string AgeCode = "397669002";
    internal const string SexCode = "263495000";

    private readonly TimeProvider _time;

    public BasicStudyMatcher(TimeProvider time) => _time = time;

    public StudyMatch Match(ElementNode group, ElementNode patientData)
    {
        ArgumentNullException.ThrowIfNull(group);
        var patient = FindPatient(patientData);
        var results = new List<CriterionResult>();
        var index = 0;
        foreach (var characteristic in group.ChildrenNamed("characteristic"))
        {
            var coding = characteristic.Child("code")?.ChildrenNamed("coding").FirstOrDefault();
            var system = coding?.Child("system")?.Text;
            var code = coding?.Child("code")?.Text;
            var exclude = characteristic.Child("exclude")?.Text == "true";
            var (holds, reason) = (system, code) switch
            {
                (Snomed, AgeCode) => Age(characteristic, patient),
                (Snomed, SexCode) => Sex(characteristic, patient),
                _ => ((bool?)null, "not evaluated by the basic matcher"),
            };
            var outcome = holds is null ? CriterionOutcome.Unknown : holds.Value != exclude ? CriterionOutcome.Met : CriterionOutcome.NotMet;
            results.Add(new CriterionResult(index++, system, code, coding?.Child("display")?.Text ?? characteristic.Child("code")?.Child("text")?.Text, exclude, outcome, reason));
        }

        return StudyMatch.From(results);
    }

    /// <summary>The Patient: the data itself, or the first Patient entry of a Bundle.</summary>
    internal static ElementNode? FindPatient(ElementNode data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Type?.Name == "Patient")
        {
            return data;
        }

        return data.ChildrenNamed("entry").Select(e => e.Child("resource")).FirstOrDefault(r => r?.Type?.Name == "Patient");
    }

    private (bool? Holds, string Reason) Age(ElementNode characteristic, ElementNode? patient)
    {
        if (characteristic.Child("value") is not { Type.Name: "Range" } range)
        {
            return (null, "the age characteristic has no valueRange");
        }

        if (patient?.Child("birthDate")?.Text is not { } birthText || !TryDate(birthText, out var birth))
        {
            return (null, "the patient's birth date is not known");
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var low = Bound(range.Child("low"));
        var high = Bound(range.Child("high"));
        foreach (var bound in new[] { low, high })
        {
            if (bound is { Unit: null })
            {
                return (null, "the age range has a unit other than UCUM a, mo, wk or d");
            }
        }

        var aboveLow = low is not { } l || Age(birth, today, l.Unit!) >= l.Value;
        var belowHigh = high is not { } h || Age(birth, today, h.Unit!) <= h.Value;
        var shown = string.Create(CultureInfo.InvariantCulture, $"age {Age(birth, today, (low ?? high)?.Unit ?? "a")} {(low ?? high)?.Unit ?? "a"}, range {low?.Value.ToString(CultureInfo.InvariantCulture) ?? "…"}–{high?.Value.ToString(CultureInfo.InvariantCulture) ?? "…"}");
        return (aboveLow && belowHigh, shown);
    }

    private static (bool? Holds, string Reason) Sex(ElementNode characteristic, ElementNode? patient)
    {
        var wanted = characteristic.Child("value")?.ChildrenNamed("coding").Select(c => c.Child("code")?.Text).Where(c => c is not null).ToArray() ?? [];
        if (wanted.Length == 0)
        {
            return (null, "the sex characteristic has no valueCodeableConcept code");
        }

        if (patient?.Child("gender")?.Text is not { } gender)
        {
            return (null, "the patient's gender is not known");
        }

        return (wanted.Contains(gender, StringComparer.Ordinal), $"gender {gender}, study {string.Join(" or ", wanted)}");
    }

    /// <summary>A range bound in UCUM years, months, weeks or days (unit null for anything else).</summary>
    private static (decimal Value, string? Unit)? Bound(ElementNode? quantity)
    {
        if (quantity?.Child("value")?.Text is not { } text || !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        var unit = quantity.Child("code")?.Text ?? quantity.Child("unit")?.Text;
        return (value, unit is "a" or "mo" or "wk" or "d" ? unit : null);
    }

    /// <summary>Completed units of age on <paramref name="today"/>.</summary>
    internal static int Age(DateOnly birth, DateOnly today, string unit)
    {
        var months = ((today.Year - birth.Year) * 12) + today.Month - birth.Month - (today.Day < birth.Day ? 1 : 0);
        var days = today.DayNumber - birth.DayNumber;
        return unit switch
        {
            "a" => months / 12,
            "mo" => months,
            "wk" => days / 7,
            _ => days,
        };
    }

    private static bool TryDate(string text, out DateOnly date)
    {
        // A birth date of only a year or year-month counts from its first day.
        var padded = text.Length switch { 4 => text + "-01-01", 7 => text + "-01", _ => text.Length >= 10 ? text[..10] : text };
        return DateOnly.TryParseExact(padded, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
