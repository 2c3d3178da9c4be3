using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

internal static partial class CtGovStudyMapper
{
    private static Records.Eligibility Eligibility(CtNode eligibility, MappingTables tables) => new()
    {
        Criteria = eligibility.String("eligibilityCriteria"),
        Sex = eligibility.Enum<Sex>("sex"),
        GenderBased = eligibility.Bool("genderBased"),
        GenderDescription = eligibility.String("genderDescription"),
        MinimumAge = eligibility.String("minimumAge") is { } minimum ? DurationParser.Parse(minimum, tables.TimeUnits) : null,
        MaximumAge = eligibility.String("maximumAge") is { } maximum ? DurationParser.Parse(maximum, tables.TimeUnits) : null,
        HealthyVolunteers = eligibility.Bool("healthyVolunteers"),
        StdAges = eligibility.Enums<StandardAge>("stdAges"),
        StudyPopulation = eligibility.String("studyPopulation"),
        SamplingMethod = eligibility.Enum<SamplingMethod>("samplingMethod"),
    };
}
