using System.Text.Json;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>The conditions and eligibility modules.</summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly CtFieldNames ConditionsNames = CtFieldNames.Of(typeof(ConditionsField));
    private static readonly CtFieldNames EligibilityNames = CtFieldNames.Of(typeof(EligibilityField));

    private enum ConditionsField { Conditions, Keywords }

    private enum EligibilityField
    {
        EligibilityCriteria, Sex, GenderBased, GenderDescription, MinimumAge, MaximumAge, HealthyVolunteers, StdAges,
        StudyPopulation, SamplingMethod,
    }

    private (List<string>? Conditions, List<string>? Keywords) ReadConditions(ref Utf8JsonReader reader)
    {
        (List<string>? Conditions, List<string>? Keywords) conditions = default;
        var scope = Enter(ConditionsNames);
        while (Next(ref reader, ref scope, out var field))
        {
            if (field == (int)ConditionsField.Conditions)
            {
                conditions.Conditions = Strings(ref reader);
            }
            else
            {
                conditions.Keywords = Strings(ref reader);
            }
        }

        return conditions;
    }

    private Records.Eligibility ReadEligibility(ref Utf8JsonReader reader)
    {
        var eligibility = new Records.Eligibility();
        var scope = Enter(EligibilityNames);
        while (Next(ref reader, ref scope, out var field))
        {
            eligibility = (EligibilityField)field switch
            {
                EligibilityField.EligibilityCriteria => eligibility with { Criteria = String(ref reader) },
                EligibilityField.Sex => eligibility with { Sex = Enum<Sex>(ref reader) },
                EligibilityField.GenderBased => eligibility with { GenderBased = Bool(ref reader) },
                EligibilityField.GenderDescription => eligibility with { GenderDescription = String(ref reader) },
                EligibilityField.MinimumAge => eligibility with { MinimumAge = Duration(ref reader) },
                EligibilityField.MaximumAge => eligibility with { MaximumAge = Duration(ref reader) },
                EligibilityField.HealthyVolunteers => eligibility with { HealthyVolunteers = Bool(ref reader) },
                EligibilityField.StdAges => eligibility with { StdAges = Enums<StandardAge>(ref reader) },
                EligibilityField.StudyPopulation => eligibility with { StudyPopulation = String(ref reader) },
                _ => eligibility with { SamplingMethod = Enum<SamplingMethod>(ref reader) },
            };
        }

        return eligibility;
    }

    /// <summary>An age or duration text ("18 Years"), parsed.</summary>
    private ParsedDuration? Duration(ref Utf8JsonReader reader) =>
        String(ref reader) is { } text ? DurationParser.Parse(text, _tables.TimeUnits) : null;
}
