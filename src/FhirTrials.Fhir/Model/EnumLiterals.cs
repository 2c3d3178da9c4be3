using System.Collections.Frozen;
using System.Reflection;

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

/// <summary>Converts generated enums to and from their FHIR codes.</summary>
public static class EnumLiterals
{
    public static string GetLiteral<T>(T value)
        where T : struct, Enum => Cache<T>.Literals[value];

    public static string GetSystem<T>(T value)
        where T : struct, Enum => Cache<T>.Systems[value];

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
        public static readonly FrozenDictionary<T, string> Literals;
        public static readonly FrozenDictionary<T, string> Systems;
        public static readonly FrozenDictionary<string, T> Values;

#pragma warning disable CA1810 // the three tables come from one reflection pass
        static Cache()
#pragma warning restore CA1810
        {
            var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (Value: (T)f.GetValue(null)!, Attribute: f.GetCustomAttribute<EnumLiteralAttribute>()!))
                .ToList();
            Literals = fields.ToFrozenDictionary(f => f.Value, f => f.Attribute.Literal);
            Systems = fields.ToFrozenDictionary(f => f.Value, f => f.Attribute.System);
            Values = fields.ToFrozenDictionary(f => f.Attribute.Literal, f => f.Value, StringComparer.Ordinal);
        }
    }
}
