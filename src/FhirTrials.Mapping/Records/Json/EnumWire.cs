using System.Reflection;
using System.Runtime.CompilerServices;
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
    // Plain arrays and loops, no LINQ or enum-keyed collections: each generic instantiation over an
    // enumeration is compiled at run time in every process (ReadyToRun cannot precompile them).
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] Wire = WireNames();
    private static readonly Dictionary<string, int> Positions = PositionsByName();

    /// <summary>All wire names in declaration order.</summary>
    public static IReadOnlyList<string> Names => Wire;

    /// <summary>The number of values.</summary>
    public static int Count => Values.Length;

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public static string ToWire(TEnum value) => Wire[IndexOf(value)];

    /// <summary>The value's position in declaration order (0 … <see cref="Count"/> - 1).</summary>
    public static int IndexOf(TEnum value)
    {
        // Compared as int (record enumerations are int-based; checked below): no comparer per enumeration.
        var raw = Unsafe.SizeOf<TEnum>() == sizeof(int) ? Unsafe.As<TEnum, int>(ref value) : throw new NotSupportedException($"{typeof(TEnum).Name} is not int-based");
        for (var i = 0; i < Values.Length; i++)
        {
            if (Unsafe.As<TEnum, int>(ref Values[i]) == raw)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name} value");
    }

    /// <summary>The value at <paramref name="index"/> in declaration order.</summary>
    public static TEnum At(int index) => Values[index];

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

    private static string[] WireNames()
    {
        var names = new string[Values.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = EnumWire.NameOf(typeof(TEnum), Values[i].ToString());
        }

        return names;
    }

    private static Dictionary<string, int> PositionsByName()
    {
        var positions = new Dictionary<string, int>(Wire.Length, StringComparer.Ordinal);
        for (var i = 0; i < Wire.Length; i++)
        {
            positions.Add(Wire[i], i);
        }

        return positions;
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
