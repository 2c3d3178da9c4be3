using FhirTrials.Fhir.Introspection;

namespace FhirTrials.FhirPath.Compilation;

/// <summary>
/// What the static checks know about a collection: the FHIR and System types its items may have, or
/// nothing (<see cref="IsAny"/>); and whether its order is undefined (from <c>children()</c>/<c>descendants()</c>).
/// </summary>
internal sealed class StaticType
{
    private StaticType(IReadOnlyList<FhirTypeInfo> fhirTypes, IReadOnlyList<FhirPathItemKind> systemTypes, bool isAny, bool unordered)
    {
        FhirTypes = fhirTypes;
        SystemTypes = systemTypes;
        IsAny = isAny;
        Unordered = unordered;
    }

    public static StaticType Any { get; } = new([], [], isAny: true, unordered: false);

    public static StaticType Empty { get; } = new([], [], isAny: false, unordered: false);

    public static StaticType Boolean { get; } = OfSystem(FhirPathItemKind.Boolean);

    public IReadOnlyList<FhirTypeInfo> FhirTypes { get; }

    public IReadOnlyList<FhirPathItemKind> SystemTypes { get; }

    /// <summary>Nothing is known: no checks downstream.</summary>
    public bool IsAny { get; }

    public bool Unordered { get; }

    public static StaticType OfSystem(FhirPathItemKind kind) => new([], [kind], isAny: false, unordered: false);

    public static StaticType Fhir(IEnumerable<FhirTypeInfo> types) => new([.. types.Distinct()], [], isAny: false, unordered: false);

    public StaticType AsUnordered(bool unordered = true) => unordered == Unordered ? this : new(FhirTypes, SystemTypes, IsAny, unordered);

    public StaticType Union(StaticType other) => IsAny || other.IsAny
        ? Any
        : new([.. FhirTypes.Union(other.FhirTypes)], [.. SystemTypes.Union(other.SystemTypes)], isAny: false, Unordered || other.Unordered);

    /// <summary>True when the items may be Booleans (FHIR <c>boolean</c> or System Boolean), or nothing is known.</summary>
    public bool MayBeBoolean => IsAny || SystemTypes.Contains(FhirPathItemKind.Boolean) || FhirTypes.Any(t => t.SystemType == "Boolean");

    /// <summary>True when some type is abstract (<c>Resource</c>, <c>DomainResource</c>): items may be of any subtype.</summary>
    public bool HasAbstractTypes => FhirTypes.Any(t => t.IsAbstract);

    public override string ToString() => IsAny ? "any" : string.Join(" | ", FhirTypes.Select(t => t.Name).Concat(SystemTypes.Select(k => "System." + k)));
}
