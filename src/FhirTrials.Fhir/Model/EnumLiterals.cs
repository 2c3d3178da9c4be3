using System.Reflection;
using System.Runtime.CompilerServices;

namespace FhirTrials.Fhir.Model;

/// <summary>The FHIR code and system of an enum member generated from a ValueSet.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnumLiteralAttribute : Attribute
{
    public EnumLiteralAttribute(string literal, string system)
    {
        Literal = literal;
        System = system;
    }

    public string Literal { get; }

    public string System { get; }
}

/// <summary>The ValueSet an enum was generated from.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class FhirValueSetAttribute : Attribute
{
    public FhirValueSetAttribute(string url) => Url = url;

    public string Url { get; }
}

/// <summary>
/// Converts generated enums to and from their FHIR codes. Generated enums are numbered 0..n-1, so codes and
/// systems are arrays indexed by value, built from one reflection pass per enum type. The tables are not
/// generic over the enum (only the thin accessors are): every generic instantiation over an enum is compiled
/// at run time in every process, and a command touches dozens of these enums once each.
/// </summary>
public static class EnumLiterals
{
    public static string GetLiteral<T>(T value)
        where T : struct, Enum => Cache<T>.Table.Literals[Position(value)];

    public static string GetSystem<T>(T value)
        where T : struct, Enum => Cache<T>.Table.Systems[Position(value)];

    public static bool TryParse<T>(string? literal, out T value)
        where T : struct, Enum
    {
        if (literal is not null && Cache<T>.Table.Positions.TryGetValue(literal, out var position))
        {
            value = Unsafe.As<int, T>(ref position);
            return true;
        }

        value = default;
        return false;
    }

    private static int Position<T>(T value)
        where T : struct, Enum
    {
        var position = Unsafe.As<T, int>(ref value);
        return (uint)position < (uint)Cache<T>.Table.Literals.Length
            ? position
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name} value");
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly LiteralTable Table = new(typeof(T), Unsafe.SizeOf<T>());
    }

    private sealed class LiteralTable
    {
        public LiteralTable(Type enumType, int size)
        {
            var fields = enumType.GetFields(BindingFlags.Public | BindingFlags.Static);
            Literals = new string[fields.Length];
            Systems = new string[fields.Length];
            Positions = new Dictionary<string, int>(fields.Length, StringComparer.Ordinal);
            foreach (var field in fields)
            {
                var position = Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture);
                if (size != sizeof(int) || position < 0 || position >= fields.Length || Literals[position] is not null)
                {
                    throw new InvalidOperationException($"{enumType.Name} is not numbered 0..n-1 as generated enums are");
                }

                var attribute = field.GetCustomAttribute<EnumLiteralAttribute>()!;
                Literals[position] = attribute.Literal;
                Systems[position] = attribute.System;
                Positions.Add(attribute.Literal, (int)position);
            }
        }

        public string[] Literals { get; }

        public string[] Systems { get; }

        public Dictionary<string, int> Positions { get; }
    }
}
