using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>ArmGroupType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ArmGroupType>))]
public enum ArmGroupType
{
    [JsonStringEnumMemberName("EXPERIMENTAL")] Experimental,
    [JsonStringEnumMemberName("ACTIVE_COMPARATOR")] ActiveComparator,
    [JsonStringEnumMemberName("PLACEBO_COMPARATOR")] PlaceboComparator,
    [JsonStringEnumMemberName("SHAM_COMPARATOR")] ShamComparator,
    [JsonStringEnumMemberName("NO_INTERVENTION")] NoIntervention,
    [JsonStringEnumMemberName("OTHER")] Other,
}

/// <summary>CT.gov <c>InterventionType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<InterventionType>))]
public enum InterventionType
{
    [JsonStringEnumMemberName("BEHAVIORAL")] Behavioral,
    [JsonStringEnumMemberName("BIOLOGICAL")] Biological,
    [JsonStringEnumMemberName("COMBINATION_PRODUCT")] CombinationProduct,
    [JsonStringEnumMemberName("DEVICE")] Device,
    [JsonStringEnumMemberName("DIAGNOSTIC_TEST")] DiagnosticTest,
    [JsonStringEnumMemberName("DIETARY_SUPPLEMENT")] DietarySupplement,
    [JsonStringEnumMemberName("DRUG")] Drug,
    [JsonStringEnumMemberName("GENETIC")] Genetic,
    [JsonStringEnumMemberName("PROCEDURE")] Procedure,
    [JsonStringEnumMemberName("RADIATION")] Radiation,
    [JsonStringEnumMemberName("OTHER")] Other,
}

/// <summary>
/// Anchor a dosing start or follow-up visit is counted from. Not a CT.gov enumeration (CT.gov keeps
/// schedules as free text); defined by this format in the same style.
/// </summary>
[JsonConverter(typeof(StrictEnumConverter<TimingAnchor>))]
public enum TimingAnchor
{
    /// <summary>The baseline (day 0) visit.</summary>
    [JsonStringEnumMemberName("BASELINE")] Baseline,
    [JsonStringEnumMemberName("ENROLLMENT")] Enrollment,
    [JsonStringEnumMemberName("RANDOMIZATION")] Randomization,
    [JsonStringEnumMemberName("FIRST_DOSE")] FirstDose,
    [JsonStringEnumMemberName("LAST_DOSE")] LastDose,
    /// <summary>The end of the treatment course ("after treatment").</summary>
    [JsonStringEnumMemberName("END_OF_TREATMENT")] EndOfTreatment,
}
