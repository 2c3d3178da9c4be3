using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// The R4 type system: every primitive, datatype, resource and backbone element of FHIR 4.0.1, with
/// its elements. The tables are generated from the official StructureDefinitions
/// (<c>Generated/ModelInfo.g.cs</c>); types are built lazily on first use.
/// </summary>
public static partial class ModelInfo
{
    /// <summary>The FHIR version the model is generated from.</summary>
    public const string FhirVersion = "4.0.1";

    private static readonly ConcurrentDictionary<string, FhirTypeInfo> Types = new(StringComparer.Ordinal);
    private static readonly FrozenSet<string> KnownNames = AllTypeNames.ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> ResourceNames = ResourceTypeNames.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Finds a type by name (<c>Patient</c>, <c>dateTime</c>, <c>Patient.contact</c>); null when R4 has no such type.</summary>
    public static FhirTypeInfo? GetType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Types.TryGetValue(name, out var type))
        {
            return type;
        }

        return KnownNames.Contains(name) ? Types.GetOrAdd(name, static n => CreateType(n)!) : null;
    }

    /// <summary>Finds a type by a name given as characters, without allocating when the type was seen before.</summary>
    public static FhirTypeInfo? GetType(ReadOnlySpan<char> name)
    {
        if (Types.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var type))
        {
            return type;
        }

        return KnownNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known) ? GetType(known) : null;
    }

    /// <summary>Finds a type by name, failing loudly for names the generated tables reference but do not define.</summary>
    public static FhirTypeInfo GetTypeOrThrow(string name) =>
        GetType(name) ?? throw new KeyNotFoundException($"FHIR R4 defines no type '{name}'");

    /// <summary>True for the names of concrete and abstract resource types (<c>Resource</c>, <c>DomainResource</c>, <c>Patient</c>…).</summary>
    public static bool IsResourceType(string name) => ResourceNames.Contains(name);

    /// <summary>True for the name of any R4 type the model knows.</summary>
    public static bool IsKnownType(string name) => KnownNames.Contains(name);

    /// <summary>The names of all resource types, abstract ones included.</summary>
    public static IReadOnlyCollection<string> ResourceTypes => ResourceNames;

    /// <summary>Creates the table of one type (generated).</summary>
    private static partial FhirTypeInfo? CreateType(string name);
}
