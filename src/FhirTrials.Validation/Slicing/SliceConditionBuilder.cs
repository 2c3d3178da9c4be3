using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Slicing;

/// <summary>
/// Compiles a slice's discriminators into a condition: each discriminator path is followed through the
/// slice's definition (into type profiles, sub-extension slices and reference targets where the
/// snapshot does not expand them) to the value, type, profile or existence the slice requires.
/// </summary>
internal sealed class SliceConditionBuilder
{
    private readonly ValidatorServices _services;
    private readonly Func<string, DefNode?> _tree;
    private readonly Action<string> _issue;

    public SliceConditionBuilder(ValidatorServices services, Func<string, DefNode?> tree, Action<string> issue)
    {
        _services = services;
        _tree = tree;
        _issue = issue;
    }

    public ISliceCondition Build(DefNode slice, SlicingDef slicing)
    {
        var conditions = new List<ISliceCondition>();
        foreach (var discriminator in slicing.Discriminators)
        {
            if (DiscriminatorPath.Parse(discriminator.Path) is not { } path)
            {
                _issue($"slice {slice.Definition.Id}: the discriminator path '{discriminator.Path}' is not one slicing allows");
                conditions.Add(new NeverCondition($"unsupported path {discriminator.Path}"));
                continue;
            }

            conditions.Add(BuildOne(slice, discriminator.Type, path));
        }

        return conditions.Count switch
        {
            0 => new NeverCondition("no discriminator"),
            1 => conditions[0],
            _ => new AllConditions([.. conditions]),
        };
    }

    private ISliceCondition BuildOne(DefNode slice, DiscriminatorType type, DiscriminatorPath path)
    {
        var target = Locate(slice, path);
        var def = target.Node?.Definition;
        switch (type)
        {
            case DiscriminatorType.Value or DiscriminatorType.Pattern:
                if (def?.Fixed is { } fixedValue)
                {
                    return new ValueCondition(path, fixedValue, isFixed: true);
                }

                if (def?.Pattern is { } pattern)
                {
                    return new ValueCondition(path, pattern, isFixed: false);
                }

                if (def?.Binding is { Strength: BindingStrength.Required, ValueSet: { } vs })
                {
                    return new BindingCondition(path, vs, _services.Terminology);
                }

                // The slice leaves this discriminator open: it does not decide membership (as the HL7 validator reads it).
                return new AlwaysCondition($"{path} (any value)");
            case DiscriminatorType.Type:
                var types = target.OfType is { } t ? [t] : def?.Types.Select(x => x.Code).Distinct(StringComparer.Ordinal).ToArray() ?? [];
                return types.Length > 0 ? new TypeCondition(path, types) : Never(slice, path, "has no type");
            case DiscriminatorType.Profile:
                var profiles = (target.ResolvedFrom is { } reference ? reference.Types.SelectMany(x => x.TargetProfiles) : def?.Types.SelectMany(x => x.Profiles) ?? [])
                    .Distinct(StringComparer.Ordinal).Select(_services.Schemas.Ref).ToArray();
                return profiles.Length > 0 ? new ProfileCondition(path, profiles) : Never(slice, path, "has no profile");
            default:
                if (def is { Min: > 0 })
                {
                    return new ExistsCondition(path, mustExist: true);
                }

                return def is { Max: 0 } ? new ExistsCondition(path, mustExist: false) : Never(slice, path, "is neither required nor prohibited");
        }
    }

    private NeverCondition Never(DefNode slice, DiscriminatorPath path, string why)
    {
        _issue($"slice {slice.Definition.Id}: the discriminator {path} {why}, so no item can match the slice");
        return new NeverCondition($"{path} {why}");
    }

    /// <summary>Follows a discriminator path through definitions; the node reached (null when lost), an <c>ofType</c> restriction, and the reference element a <c>resolve()</c> left.</summary>
    private (DefNode? Node, string? OfType, ElementDef? ResolvedFrom) Locate(DefNode slice, DiscriminatorPath path)
    {
        DefNode? current = slice;
        string? ofType = null;
        ElementDef? resolvedFrom = null;
        foreach (var step in path.Steps)
        {
            if (current is null)
            {
                break;
            }

            switch (step.Kind)
            {
                case PathStepKind.Name:
                    current = IntoRequiredSlice(ChildOf(current, step.Argument!, ofType));
                    ofType = null;
                    resolvedFrom = null;
                    break;
                case PathStepKind.Extension:
                    current = ChildOf(current, "extension", ofType) is { } extensions ? ExtensionSlice(extensions, step.Argument!) : null;
                    ofType = null;
                    break;
                case PathStepKind.OfType:
                    ofType = step.Argument;
                    break;
                case PathStepKind.Resolve:
                    resolvedFrom = current.Definition;
                    var targets = current.Definition.Types.SelectMany(x => x.TargetProfiles).Distinct(StringComparer.Ordinal).ToList();
                    current = targets.Count == 1 ? _tree(targets[0]) : null;
                    break;
            }
        }

        return (current, ofType, resolvedFrom);
    }

    /// <summary>
    /// A path through a sliced element (bp's <c>code.coding.code</c>, whose value is fixed in the required
    /// slice <c>coding:SBPCode</c>) continues in the one required slice, else the one slice, else the element.
    /// </summary>
    private static DefNode? IntoRequiredSlice(DefNode? node)
    {
        if (node is null || node.Slices.Count == 0)
        {
            return node;
        }

        var required = node.Slices.Where(s => s.Definition.Min > 0).ToList();
        return required.Count == 1 ? required[0] : node.Slices.Count == 1 ? node.Slices[0] : node;
    }

    /// <summary>A child of a definition node, looking into its (single) type or type profile when the snapshot does not expand it.</summary>
    private DefNode? ChildOf(DefNode node, string name, string? ofType)
    {
        if (node.Children.Count > 0)
        {
            return node.Child(name);
        }

        var types = node.Definition.Types;
        var chosen = ofType is null ? types : [.. types.Where(t => string.Equals(t.Code, ofType, StringComparison.Ordinal))];
        var profiles = chosen.SelectMany(t => t.Profiles).Distinct(StringComparer.Ordinal).ToList();
        var codes = chosen.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
        var canonical = profiles.Count == 1 ? profiles[0] : codes.Count == 1 ? R4Definitions.TypeCanonical(codes[0]) : ofType is not null ? R4Definitions.TypeCanonical(ofType) : null;
        return canonical is null ? null : _tree(canonical)?.Child(name);
    }

    /// <summary>The slice of an <c>extension</c> element that holds the extension with <paramref name="url"/>.</summary>
    private DefNode? ExtensionSlice(DefNode extensions, string url)
    {
        foreach (var slice in extensions.Slices)
        {
            var fixedUrl = slice.Child("url")?.Definition.Fixed?.Text ?? slice.Definition.Types.SelectMany(t => t.Profiles).FirstOrDefault();
            if (string.Equals(fixedUrl, url, StringComparison.Ordinal))
            {
                return slice;
            }
        }

        return _tree(url);
    }
}
