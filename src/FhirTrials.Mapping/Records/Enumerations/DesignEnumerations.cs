using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>StudyType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<StudyType>))]
public enum StudyType
{
    [JsonStringEnumMemberName("EXPANDED_ACCESS")] ExpandedAccess,
    [JsonStringEnumMemberName("INTERVENTIONAL")] Interventional,
    [JsonStringEnumMemberName("OBSERVATIONAL")] Observational,
}

/// <summary>CT.gov <c>Phase</c>; a study lists one or two (PHASE1+PHASE2, PHASE2+PHASE3).</summary>
[JsonConverter(typeof(StrictEnumConverter<Phase>))]
public enum Phase
{
    [JsonStringEnumMemberName("NA")] NotApplicable,
    [JsonStringEnumMemberName("EARLY_PHASE1")] EarlyPhase1,
    [JsonStringEnumMemberName("PHASE1")] Phase1,
    [JsonStringEnumMemberName("PHASE2")] Phase2,
    [JsonStringEnumMemberName("PHASE3")] Phase3,
    [JsonStringEnumMemberName("PHASE4")] Phase4,
}

/// <summary>CT.gov <c>DesignAllocation</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<DesignAllocation>))]
public enum DesignAllocation
{
    [JsonStringEnumMemberName("RANDOMIZED")] Randomized,
    [JsonStringEnumMemberName("NON_RANDOMIZED")] NonRandomized,
    [JsonStringEnumMemberName("NA")] NotApplicable,
}

/// <summary>CT.gov <c>InterventionalAssignment</c> (the intervention model).</summary>
[JsonConverter(typeof(StrictEnumConverter<InterventionModel>))]
public enum InterventionModel
{
    [JsonStringEnumMemberName("SINGLE_GROUP")] SingleGroup,
    [JsonStringEnumMemberName("PARALLEL")] Parallel,
    [JsonStringEnumMemberName("CROSSOVER")] Crossover,
    [JsonStringEnumMemberName("FACTORIAL")] Factorial,
    [JsonStringEnumMemberName("SEQUENTIAL")] Sequential,
}

/// <summary>CT.gov <c>PrimaryPurpose</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<PrimaryPurpose>))]
public enum PrimaryPurpose
{
    [JsonStringEnumMemberName("TREATMENT")] Treatment,
    [JsonStringEnumMemberName("PREVENTION")] Prevention,
    [JsonStringEnumMemberName("DIAGNOSTIC")] Diagnostic,
    [JsonStringEnumMemberName("ECT")] EducationalCounselingTraining,
    [JsonStringEnumMemberName("SUPPORTIVE_CARE")] SupportiveCare,
    [JsonStringEnumMemberName("SCREENING")] Screening,
    [JsonStringEnumMemberName("HEALTH_SERVICES_RESEARCH")] HealthServicesResearch,
    [JsonStringEnumMemberName("BASIC_SCIENCE")] BasicScience,
    [JsonStringEnumMemberName("DEVICE_FEASIBILITY")] DeviceFeasibility,
    [JsonStringEnumMemberName("OTHER")] Other,
}

/// <summary>CT.gov <c>ObservationalModel</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<ObservationalModel>))]
public enum ObservationalModel
{
    [JsonStringEnumMemberName("COHORT")] Cohort,
    [JsonStringEnumMemberName("CASE_CONTROL")] CaseControl,
    [JsonStringEnumMemberName("CASE_ONLY")] CaseOnly,
    [JsonStringEnumMemberName("CASE_CROSSOVER")] CaseCrossover,
    [JsonStringEnumMemberName("ECOLOGIC_OR_COMMUNITY")] EcologicOrCommunity,
    [JsonStringEnumMemberName("FAMILY_BASED")] FamilyBased,
    [JsonStringEnumMemberName("DEFINED_POPULATION")] DefinedPopulation,
    [JsonStringEnumMemberName("NATURAL_HISTORY")] NaturalHistory,
    [JsonStringEnumMemberName("OTHER")] Other,
}

/// <summary>CT.gov <c>DesignTimePerspective</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<TimePerspective>))]
public enum TimePerspective
{
    [JsonStringEnumMemberName("RETROSPECTIVE")] Retrospective,
    [JsonStringEnumMemberName("PROSPECTIVE")] Prospective,
    [JsonStringEnumMemberName("CROSS_SECTIONAL")] CrossSectional,
    [JsonStringEnumMemberName("OTHER")] Other,
}

/// <summary>CT.gov <c>DesignMasking</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<Masking>))]
public enum Masking
{
    [JsonStringEnumMemberName("NONE")] None,
    [JsonStringEnumMemberName("SINGLE")] Single,
    [JsonStringEnumMemberName("DOUBLE")] Double,
    [JsonStringEnumMemberName("TRIPLE")] Triple,
    [JsonStringEnumMemberName("QUADRUPLE")] Quadruple,
}

/// <summary>CT.gov <c>WhoMasked</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<WhoMasked>))]
public enum WhoMasked
{
    [JsonStringEnumMemberName("PARTICIPANT")] Participant,
    [JsonStringEnumMemberName("CARE_PROVIDER")] CareProvider,
    [JsonStringEnumMemberName("INVESTIGATOR")] Investigator,
    [JsonStringEnumMemberName("OUTCOMES_ASSESSOR")] OutcomesAssessor,
}

/// <summary>CT.gov <c>BioSpecRetention</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<BioSpecRetention>))]
public enum BioSpecRetention
{
    [JsonStringEnumMemberName("NONE_RETAINED")] NoneRetained,
    [JsonStringEnumMemberName("SAMPLES_WITH_DNA")] SamplesWithDna,
    [JsonStringEnumMemberName("SAMPLES_WITHOUT_DNA")] SamplesWithoutDna,
}

/// <summary>CT.gov <c>EnrollmentType</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<EnrollmentType>))]
public enum EnrollmentType
{
    [JsonStringEnumMemberName("ACTUAL")] Actual,
    [JsonStringEnumMemberName("ESTIMATED")] Estimated,
}
