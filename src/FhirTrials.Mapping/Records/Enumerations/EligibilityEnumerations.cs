using System.Text.Json.Serialization;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>CT.gov <c>Sex</c>: sexes eligible.</summary>
[JsonConverter(typeof(StrictEnumConverter<Sex>))]
public enum Sex
{
    [JsonStringEnumMemberName("FEMALE")] Female,
    [JsonStringEnumMemberName("MALE")] Male,
    [JsonStringEnumMemberName("ALL")] All,
}

/// <summary>CT.gov <c>StandardAge</c>.</summary>
[JsonConverter(typeof(StrictEnumConverter<StandardAge>))]
public enum StandardAge
{
    [JsonStringEnumMemberName("CHILD")] Child,
    [JsonStringEnumMemberName("ADULT")] Adult,
    [JsonStringEnumMemberName("OLDER_ADULT")] OlderAdult,
}

/// <summary>CT.gov <c>SamplingMethod</c> (observational studies).</summary>
[JsonConverter(typeof(StrictEnumConverter<SamplingMethod>))]
public enum SamplingMethod
{
    [JsonStringEnumMemberName("PROBABILITY_SAMPLE")] ProbabilitySample,
    [JsonStringEnumMemberName("NON_PROBABILITY_SAMPLE")] NonProbabilitySample,
}
