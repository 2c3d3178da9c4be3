using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FhirTrials.Mapping.Records.Json;

/// <summary>
/// The wire names of a record enumeration (CT.gov's exact values, e.g. "EARLY_PHASE1"), taken from the
/// source-generated serializer so they cannot drift from what the reader and writer use. Plain dictionaries:
/// a frozen one costs more to build than a command spends looking up a dozen names.
/// </summary>
public static class EnumWire<TEnum>
    where TEnum : struct, Enum
{
    private static readonly Dictionary<TEnum, string> ToWireMap = BuildToWire();
    private static readonly Dictionary<string, TEnum> FromWireMap =
        ToWireMap.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>All wire names in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enum.GetValues<TEnum>().Select(value => ToWireMap[value])];

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string ToWire(TEnum value) => ToWireMap[value];

    /// <summary>Parses an exact (case-sensitive) wire name.</summary>
    public static bool TryParse(string wire, out TEnum value) => FromWireMap.TryGetValue(wire, out value);

    private static Dictionary<TEnum, string> BuildToWire()
    {
        var typeInfo = (JsonTypeInfo<TEnum>)TrialRecordJsonContext.Default.GetTypeInfo(typeof(TEnum))!;
        return Enum.GetValues<TEnum>().ToDictionary(
            value => value,
            value => JsonSerializer.Deserialize<string>(JsonSerializer.Serialize(value, typeInfo), StringTypeInfo)!);
    }

    private static JsonTypeInfo<string> StringTypeInfo => TrialRecordJsonContext.Default.String;
}
