using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Validation.Definitions;

/// <summary>
/// One ElementDefinition of a snapshot, reduced to what validation and snapshot generation need.
/// Immutable: the snapshot generator derives constrained copies with <c>with</c> expressions. Values
/// (fixed, pattern, min/max) stay the element-tree nodes of the defining StructureDefinition.
/// </summary>
internal sealed record ElementDef
{
    /// <summary>The element path, e.g. <c>Observation.component.code</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The element id with slice names, e.g. <c>Observation.component:systolic.code</c>.</summary>
    public required string Id { get; init; }

    public string? SliceName { get; init; }

    public int Min { get; init; }

    /// <summary>The maximum cardinality; -1 for <c>*</c>.</summary>
    public int Max { get; init; } = -1;

    /// <summary>The path of the element in the base type that defines it (<c>base.path</c>).</summary>
    public string? BasePath { get; init; }

    /// <summary>The maximum of the base element (<c>base.max</c>): -1 for <c>*</c>; decides whether the element repeats in instances.</summary>
    public int BaseMax { get; init; } = -1;

    /// <summary><c>#Questionnaire.item</c>: the element whose content this one repeats.</summary>
    public string? ContentReference { get; init; }

    public IReadOnlyList<TypeRef> Types { get; init; } = [];

    public ElementNode? Fixed { get; init; }

    public ElementNode? Pattern { get; init; }

    public ElementNode? MinValue { get; init; }

    public ElementNode? MaxValue { get; init; }

    public int? MaxLength { get; init; }

    public BindingDef? Binding { get; init; }

    /// <summary>Additional required bindings (the R5 <c>binding.additional</c>, as its cross-version or tools extension), checked besides <see cref="Binding"/>.</summary>
    public IReadOnlyList<BindingDef> AdditionalBindings { get; init; } = [];

    public IReadOnlyList<ConstraintDef> Constraints { get; init; } = [];

    public SlicingDef? Slicing { get; init; }

    public bool IsModifier { get; init; }

    public bool MustSupport { get; init; }

    public string? Short { get; init; }

    /// <summary>True for <c>value[x]</c>-style choice elements.</summary>
    public bool IsChoice => Path.EndsWith("[x]", StringComparison.Ordinal);

    /// <summary>The last path segment (<c>value[x]</c>, <c>code</c>).</summary>
    public string Name => Path[(Path.LastIndexOf('.') + 1)..];

    /// <summary>The name as instances carry it: <c>value</c> for <c>value[x]</c>.</summary>
    public string InstanceName => IsChoice ? Name[..^3] : Name;

    public override string ToString() => Id;
}

/// <summary>An allowed type of an element, with the profiles its values (or reference targets) must meet.</summary>
internal sealed record TypeRef(string Code, IReadOnlyList<string> Profiles, IReadOnlyList<string> TargetProfiles, IReadOnlyList<string> Aggregation)
{
    public static TypeRef Of(string code) => new(code, [], [], []);
}

/// <summary>A binding to a ValueSet.</summary>
internal sealed record BindingDef(BindingStrength Strength, string? ValueSet, string? Description);

/// <summary>An invariant (<c>ElementDefinition.constraint</c>).</summary>
internal sealed record ConstraintDef(string Key, bool IsError, string Human, string? Expression, string? Source, bool BestPractice);

/// <summary>How an element is sliced.</summary>
internal sealed record SlicingDef(IReadOnlyList<DiscriminatorDef> Discriminators, bool Ordered, SlicingRules Rules, string? Description);

/// <summary>One discriminator of a slicing.</summary>
internal sealed record DiscriminatorDef(DiscriminatorType Type, string Path);
