using System.Text.Json;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tests.Records;

/// <summary>The wire names read from the enumeration attributes are exactly what the record serializer writes and accepts.</summary>
public sealed class EnumWireTests
{
    public static TheoryData<Type> RecordEnumerations() =>
        [.. typeof(TrialRecord).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && t.Namespace == typeof(TrialRecord).Namespace)];

    [Theory]
    [MemberData(nameof(RecordEnumerations))]
    public void Names_EveryValue_AreWhatTheSerializerWritesAndReads(Type enumType)
    {
        var check = typeof(EnumWireTests).GetMethod(nameof(Check), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;

        check.MakeGenericMethod(enumType).Invoke(null, null);
    }

    private static void Check<TEnum>()
        where TEnum : struct, Enum
    {
        var typeInfo = TrialRecordJsonContext.Default.GetTypeInfo(typeof(TEnum));
        Assert.NotNull(typeInfo);
        var values = Enum.GetValues<TEnum>();
        Assert.Equal(values.Length, EnumWire<TEnum>.Names.Count);
        foreach (var value in values)
        {
            var written = JsonSerializer.Serialize(value, typeInfo!);
            var wire = EnumWire<TEnum>.ToWire(value);

            Assert.Equal(JsonSerializer.Serialize(wire), written);
            Assert.Equal(wire, EnumWire.Of(value));
            Assert.True(EnumWire<TEnum>.TryParse(wire, out var parsed));
            Assert.Equal(value, parsed);
            Assert.Equal(value, (TEnum)JsonSerializer.Deserialize(written, typeInfo!)!);
        }

        Assert.False(EnumWire<TEnum>.TryParse(EnumWire<TEnum>.Names[0].ToLowerInvariant() + "?", out _));
    }
}
