using FhirTrials.Fhir.Introspection;
using FhirTrials.FhirPath.Syntax;

namespace FhirTrials.FhirPath.Types;

/// <summary>
/// A resolved type name as used by <c>is</c>, <c>as</c> and <c>ofType()</c>: a FHIR type
/// (<c>FHIR.Patient</c>, <c>code</c>) or a System type (<c>System.String</c>, <c>Integer</c>).
/// Unqualified names look in FHIR first, then System; unqualified <c>Quantity</c> matches both.
/// </summary>
internal sealed class TypeSpecifier
{
    private static readonly Dictionary<string, FhirPathItemKind> SystemTypes = new(StringComparer.Ordinal)
    {
        ["Boolean"] = FhirPathItemKind.Boolean,
        ["Integer"] = FhirPathItemKind.Integer,
        ["Long"] = FhirPathItemKind.Long,
        ["Decimal"] = FhirPathItemKind.Decimal,
        ["String"] = FhirPathItemKind.String,
        ["Date"] = FhirPathItemKind.Date,
        ["DateTime"] = FhirPathItemKind.DateTime,
        ["Time"] = FhirPathItemKind.Time,
        ["Quantity"] = FhirPathItemKind.Quantity,
    };

    private TypeSpecifier(string name, FhirTypeInfo? fhirType, FhirPathItemKind? systemKind)
    {
        Name = name;
        FhirType = fhirType;
        SystemKind = systemKind;
    }

    public string Name { get; }

    public FhirTypeInfo? FhirType { get; }

    public FhirPathItemKind? SystemKind { get; }

    /// <summary>Resolves a type name; throws for names neither FHIR nor System knows (a <c>System.</c> name FHIRPath lacks simply never matches).</summary>
    public static TypeSpecifier Resolve(QualifiedName name)
    {
        switch (name.Namespace)
        {
            case "System":
                return new TypeSpecifier(name.ToString(), null, SystemTypes.TryGetValue(name.Name, out var kind) ? kind : null);
            case "FHIR":
                return new TypeSpecifier(name.ToString(), ModelInfo.GetType(name.Name) ?? throw Unknown(name), null);
            case null:
                var fhir = ModelInfo.GetType(name.Name);
                FhirPathItemKind? system = SystemTypes.TryGetValue(name.Name, out var k) ? k : null;
                return fhir is null && system is null ? throw Unknown(name) : new TypeSpecifier(name.Name, fhir, system);
            default:
                throw new FhirPathSyntaxException($"unknown type namespace '{name.Namespace}' (FHIRPath knows FHIR and System)", name.Position);
        }
    }

    /// <summary><c>is</c>: the item is of this type or a subtype (a <c>code</c> is a <c>string</c>; an <c>Age</c> a <c>Quantity</c>).</summary>
    public bool Matches(in FhirPathItem item)
    {
        if (item.Node is { } node)
        {
            return FhirType is not null && node.Type is { } type && type.IsSubtypeOf(FhirType);
        }

        return SystemKind is { } kind && item.Kind == kind;
    }

    /// <summary>
    /// <c>as</c> and <c>ofType()</c>: like <see cref="Matches"/>, except that FHIR primitives must match
    /// exactly (<c>gender.as(string)</c> is empty for a <c>code</c>, as the official tests require).
    /// </summary>
    public bool MatchesForCast(in FhirPathItem item)
    {
        if (item.Node is { Type: { IsPrimitive: true } type } && FhirType is { IsPrimitive: true })
        {
            return ReferenceEquals(type, FhirType);
        }

        return Matches(item);
    }

    public override string ToString() => Name;

    private static FhirPathSyntaxException Unknown(QualifiedName name) =>
        new($"unknown type '{name}'", name.Position);
}
