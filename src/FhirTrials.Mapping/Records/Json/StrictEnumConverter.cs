using System.Text.Json.Serialization;

namespace FhirTrials.Mapping.Records.Json;

/// <summary>
/// Reads and writes an enumeration as its exact wire name (<see cref="JsonStringEnumMemberNameAttribute"/>);
/// numbers and unknown names are rejected. Source-generation and trim safe.
/// </summary>
public sealed class StrictEnumConverter<TEnum> : JsonStringEnumConverter<TEnum>
    where TEnum : struct, Enum
{
    public StrictEnumConverter()
        : base(namingPolicy: null, allowIntegerValues: false)
    {
    }
}
