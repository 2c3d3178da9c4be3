using System.Reflection;
using System.Text.Json.Serialization;

namespace FhirTrials.Mapping.Records.Json;

/// <summary>
/// The wire names of a record enumeration (CT.gov's exact values, e.g. "EARLY_PHASE1"): the
/// <see cref="JsonStringEnumMemberNameAttribute"/> that <see cref="StrictEnumConverter{TEnum}"/> reads and
/// writes, else the member name. Read once by reflection rather than through the serializer's metadata,
/// which costs milliseconds of compilation per enumeration at start-up; a test holds the two equal.
/// </summary>
public static class EnumWire<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Wire = [.. Values.Select(value => EnumWire.NameOf(typeof(TEnum), value.ToString()))];
    private static readonly Dictionary<string, int> Positions = Wire.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>All wire names in declaration order.</summary>
    public static IReadOnlyList<string> Names => Wire;

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string ToWire(TEnum value)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(Values[i], value))
            {
                return Wire[i];
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name} value");
    }

    /// <summary>Parses an exact (case-sensitive) wire name.</summary>
    public static bool TryParse(string wire, out TEnum value)
    {
        if (Positions.TryGetValue(wire, out var position))
        {
            value = Values[position];
            return true;
        }

        value = default;
        return false;
    }
}

/// <summary>Wire names of record enumeration values whose type is known only at run time.</summary>
public static class EnumWire
{
    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return NameOf(value.GetType(), value.ToString());
    }

    internal static string NameOf(Type enumType, string member) =>
        enumType.GetField(member, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? member;
}
