using System.Reflection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Tests.Model;

/// <summary>Generated enums convert to their FHIR codes and back, for every member of every generated enum.</summary>
public sealed class EnumLiteralsTests
{
    public static TheoryData<Type> GeneratedEnums() =>
        [.. typeof(Resource).Assembly.GetTypes().Where(t => t.IsEnum && t.GetCustomAttribute<FhirValueSetAttribute>() is not null)];

    [Theory]
    [MemberData(nameof(GeneratedEnums))]
    public void GetLiteral_EveryMember_IsItsAttributeAndParsesBack(Type enumType)
    {
        var check = typeof(EnumLiteralsTests).GetMethod(nameof(Check), BindingFlags.NonPublic | BindingFlags.Static)!;

        check.MakeGenericMethod(enumType).Invoke(null, null);
    }

    [Fact]
    public void GetLiteral_ValueOutsideTheEnum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumLiterals.GetLiteral((PublicationStatus)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumLiterals.GetSystem((PublicationStatus)(-1)));
    }

    [Fact]
    public void TryParse_UnknownOrDifferentlyCasedCode_IsFalse()
    {
        Assert.False(EnumLiterals.TryParse<PublicationStatus>("Draft", out _));
        Assert.False(EnumLiterals.TryParse<PublicationStatus>("unknown-code", out _));
        Assert.False(EnumLiterals.TryParse<PublicationStatus>(null, out _));
    }

    [Fact]
    public void GetLiteral_EnumNotNumberedFromZero_IsRejected()
    {
        var error = Assert.Throws<TypeInitializationException>(() => EnumLiterals.GetLiteral(Gapped.Second));

        Assert.Contains("Gapped is not numbered 0..n-1", error.InnerException!.Message, StringComparison.Ordinal);
    }

    private static void Check<T>()
        where T : struct, Enum
    {
        foreach (var field in typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (T)field.GetValue(null)!;
            var attribute = field.GetCustomAttribute<EnumLiteralAttribute>()!;

            Assert.Equal(attribute.Literal, EnumLiterals.GetLiteral(value));
            Assert.Equal(attribute.System, EnumLiterals.GetSystem(value));
            Assert.True(EnumLiterals.TryParse<T>(attribute.Literal, out var parsed));
            Assert.Equal(value, parsed);
        }
    }

    private enum Gapped
    {
        [EnumLiteral("first", "urn:test")]
        First = 1,
        [EnumLiteral("second", "urn:test")]
        Second = 2,
    }
}
