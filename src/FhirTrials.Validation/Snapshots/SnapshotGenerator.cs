using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.Definitions;

namespace FhirTrials.Validation.Snapshots;

/// <summary>
/// Generates the snapshot of a differential-only StructureDefinition: starts from the base
/// definition's snapshot and applies each differential element in order: finding (or creating, for
/// new slices) the element it constrains, expanding datatype, type-profile and content-reference
/// children on demand, and merging the constraints. One generator serves one definition.
/// </summary>
internal sealed partial class SnapshotGenerator
{
    private readonly Func<string, StructureDef?> _resolve;
    private readonly List<SnapshotIssue> _issues = [];
    private readonly List<ElementDef> _work = [];
    private string _profile = string.Empty;
    private string? _previousId;

    /// <param name="resolve">Finds the snapshot form of another definition by canonical (base definitions, datatypes, type profiles).</param>
    public SnapshotGenerator(Func<string, StructureDef?> resolve) => _resolve = resolve;

    public IReadOnlyList<SnapshotIssue> Issues => _issues;

    /// <summary>Generates the snapshot of <paramref name="sd"/>; null (with issues) when its base cannot be found.</summary>
    public StructureDef? Generate(ElementNode sd)
    {
        var header = StructureDefReader.ReadHeader(sd, []);
        _profile = header.Url;
        if (header.BaseDefinition is null)
        {
            Issue(null, "the definition has neither a snapshot nor a baseDefinition to build one from", isError: true);
            return null;
        }

        if (_resolve(header.BaseDefinition) is not { } baseSd)
        {
            Issue(null, $"the base definition {header.BaseDefinition} cannot be found, so the snapshot cannot be generated", isError: true);
            return null;
        }

        _work.AddRange(baseSd.Elements);
        if (!header.IsConstraint && !string.Equals(baseSd.Type, header.Type, StringComparison.Ordinal))
        {
            Issue(null, $"snapshot generation supports constraints only (this is a {header.Derivation ?? "new type"} of {baseSd.Type})", isError: true);
            return null;
        }

        foreach (var diff in StructureDefReader.ReadDifferential(sd))
        {
            Apply(diff);
        }

        return header with { Elements = [.. _work] };
    }

    private void Apply(DiffElement diff)
    {
        var segments = IdSegment.Parse(diff.Def.Id, diff.Def.Path, diff.Def.SliceName);
        if (_work.Count == 0 || !string.Equals(segments[0].Name, _work[0].Path, StringComparison.Ordinal))
        {
            Issue(diff.Def.Id, $"the path {diff.Def.Path} does not start with the type {(_work.Count > 0 ? _work[0].Path : "?")}", isError: true);
            return;
        }

        var index = Locate(segments, diff);
        if (index < 0)
        {
            return;
        }

        if (_previousId is not null && _work.FindIndex(e => string.Equals(e.Id, _previousId, StringComparison.Ordinal)) is var previous && previous > index)
        {
            Issue(diff.Def.Id, $"no element '{diff.Def.Id}' after {_previousId}: differential elements must be in the order of the snapshot", isError: true);
        }

        _previousId = _work[index].Id;
        if (index == 0 && diff.Def.Slicing is not null)
        {
            Issue(diff.Def.Id, "slicing is not allowed on the root element of a profile", isError: true);
            diff = diff with { Def = diff.Def with { Slicing = null } };
        }

        var merged = SnapshotMerger.Merge(_work[index], diff, renamedType: RenamedChoiceType(segments[^1].Name, _work[index]), issue: m => Issue(diff.Def.Id, m, isError: true));
        if (diff.Def.Binding is not null && merged.Types.Count > 0 && !merged.Types.Any(t => Bindable.Contains(t.Code)))
        {
            Issue(diff.Def.Id, $"the element has a binding, but its types ({string.Join(", ", merged.Types.Select(t => t.Code))}) cannot carry codes", isError: true);
        }

        if (diff.Def.Slicing is { } slicing)
        {
            CheckDiscriminatorPaths(diff.Def.Id, merged, slicing, index);
        }

        _work[index] = merged;
    }

    /// <summary>A discriminator path's first element must exist on the sliced element's type.</summary>
    private void CheckDiscriminatorPaths(string id, ElementDef element, SlicingDef slicing, int index)
    {
        var inline = element.Types.Any(t => t.Code is "BackboneElement" or "Element");
        foreach (var discriminator in slicing.Discriminators)
        {
            if (Slicing.DiscriminatorPath.Parse(discriminator.Path) is not { } path)
            {
                Issue(id, $"the discriminator path '{discriminator.Path}' is not one slicing allows", isError: true);
                continue;
            }

            var first = path.Steps.FirstOrDefault(s => s.Kind != Slicing.PathStepKind.This);
            if (first.Kind != Slicing.PathStepKind.Name || element.Types.Count == 0)
            {
                continue;
            }

            var known = inline
                ? _work.Skip(index + 1).TakeWhile(e => e.Path.StartsWith(element.Path + ".", StringComparison.Ordinal)).Any(e => string.Equals(e.InstanceName, first.Argument, StringComparison.Ordinal))
                : element.Types.Any(t => Fhir.Introspection.ModelInfo.GetType(t.Code) is { } type && (type.GetElement(first.Argument!) is not null || type.IsResource));
            if (!known)
            {
                Issue(id, $"the discriminator path '{discriminator.Path}' does not name an element of the sliced {element.Path} ({string.Join("|", element.Types.Select(t => t.Code))})", isError: true);
            }
        }
    }

    /// <summary>The types a binding applies to.</summary>
    private static readonly HashSet<string> Bindable = new(StringComparer.Ordinal)
    {
        "code", "Coding", "CodeableConcept", "Quantity", "string", "uri", "url", "canonical", "CodeableReference",
    };

    /// <summary>For a renamed choice (<c>valueQuantity</c> constraining <c>value[x]</c>), the type it restricts to.</summary>
    private static string? RenamedChoiceType(string segmentName, ElementDef target) =>
        target.IsChoice && !string.Equals(segmentName, target.Name, StringComparison.Ordinal) ? ChoiceType(segmentName, target) : null;

    /// <summary>The type a typed choice name stands for: <c>valueQuantity</c> on <c>value[x]</c> is <c>Quantity</c>.</summary>
    internal static string? ChoiceType(string typedName, ElementDef choice)
    {
        var prefix = choice.InstanceName;
        if (!typedName.StartsWith(prefix, StringComparison.Ordinal) || typedName.Length == prefix.Length)
        {
            return null;
        }

        var suffix = typedName[prefix.Length..];
        foreach (var type in choice.Types)
        {
            if (string.Equals(type.Code, suffix, StringComparison.OrdinalIgnoreCase))
            {
                return type.Code;
            }
        }

        return char.ToLowerInvariant(suffix[0]) + suffix[1..] is var lower && Fhir.Introspection.ModelInfo.IsKnownType(lower) ? lower
            : Fhir.Introspection.ModelInfo.IsKnownType(suffix) ? suffix : null;
    }

    private void Issue(string? elementId, string message, bool isError) => _issues.Add(new SnapshotIssue(_profile, elementId, message, isError));
}
