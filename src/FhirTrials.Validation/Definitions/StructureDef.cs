namespace FhirTrials.Validation.Definitions;

/// <summary>
/// A StructureDefinition with its snapshot, as the validator uses it: the identity, what it defines
/// (type, kind, derivation), where an extension may be used, and the snapshot elements in order.
/// </summary>
internal sealed record StructureDef
{
    public required string Url { get; init; }

    public string? Version { get; init; }

    public required string Name { get; init; }

    /// <summary>The type constrained or defined (<c>Observation</c>, <c>Extension</c>…).</summary>
    public required string Type { get; init; }

    /// <summary><c>primitive-type</c>, <c>complex-type</c>, <c>resource</c> or <c>logical</c>.</summary>
    public required string Kind { get; init; }

    public bool IsAbstract { get; init; }

    /// <summary><c>specialization</c>, <c>constraint</c>, or null for the base types.</summary>
    public string? Derivation { get; init; }

    public string? BaseDefinition { get; init; }

    /// <summary>Where an extension may be used.</summary>
    public IReadOnlyList<ExtensionContext> Contexts { get; init; } = [];

    /// <summary>FHIRPath invariants an extension's parent must satisfy.</summary>
    public IReadOnlyList<string> ContextInvariants { get; init; } = [];

    /// <summary>The snapshot elements in order, root first.</summary>
    public required IReadOnlyList<ElementDef> Elements { get; init; }

    public bool IsConstraint => string.Equals(Derivation, "constraint", StringComparison.Ordinal);

    public bool IsExtension => string.Equals(Type, "Extension", StringComparison.Ordinal) && IsConstraint;

    /// <summary>The canonical with its version when it has one (<c>url|version</c>).</summary>
    public string VersionedUrl => Version is null ? Url : $"{Url}|{Version}";

    public override string ToString() => Url;
}

/// <summary>A <c>StructureDefinition.context</c>: where an extension may appear.</summary>
internal sealed record ExtensionContext(string Type, string Expression);
