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
/// systems are arrays indexed by value: built from one reflection pass, with none of the start-up cost of
/// frozen dictionaries (a command touches dozens of these enums once each).
/// </summary>
public static class EnumLiterals
{
    public static string GetLiteral<T>(T value)
        where T : struct, Enum => Cache<T>.Literals[Cache<T>.Position(value)];

    public static string GetSystem<T>(T value)
        where T : struct, Enum => Cache<T>.Systems[Cache<T>.Position(value)];

    public static bool TryParse<T>(string? literal, out T value)
        where T : struct, Enum
    {
        if (literal is not null && Cache<T>.Values.TryGetValue(literal, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly string[] Literals;
        public static readonly string[] Systems;
        public static readonly Dictionary<string, T> Values;

#pragma warning disable CA1810 // the three tables come from one reflection pass
        static Cache()
#pragma warning restore CA1810
        {
            var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (Value: (T)f.GetValue(null)!, Attribute: f.GetCustomAttribute<EnumLiteralAttribute>()!))
                .OrderBy(f => Convert.ToInt64(f.Value, System.Globalization.CultureInfo.InvariantCulture))
                .ToList();
            if (Unsafe.SizeOf<T>() != sizeof(int) || fields.Where((f, i) => Unsafe.As<T, int>(ref Unsafe.AsRef(in f.Value)) != i).Any())
            {
                throw new InvalidOperationException($"{typeof(T).Name} is not numbered 0..n-1 as generated enums are");
            }

            Literals = [.. fields.Select(f => f.Attribute.Literal)];
            Systems = [.. fields.Select(f => f.Attribute.System)];
            Values = fields.ToDictionary(f => f.Attribute.Literal, f => f.Value, StringComparer.Ordinal);
        }

        public static int Position(T value)
        {
            var position = Unsafe.As<T, int>(ref value);
            return (uint)position < (uint)Literals.Length
                ? position
                : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name} value");
        }
    }
}
