using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.References;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// A Reference: it must point to a resource type the element allows (<c>Reference(Organization)</c>
/// rejects <c>Patient/1</c>; URNs are typed by their Bundle entry), <c>#id</c> must name a contained
/// resource, <c>Reference.type</c> must agree, the aggregation modes must hold, and a target found in
/// the Bundle or contained must conform to the target profile.
/// </summary>
internal sealed class ReferenceAssertion : IAssertion
{
    private readonly IReadOnlyList<TargetProfile> _targets;
    private readonly IReadOnlyList<string> _aggregation;
    private readonly string _path;

    public ReferenceAssertion(IReadOnlyList<TargetProfile> targets, IReadOnlyList<string> aggregation, string path)
    {
        _targets = targets;
        _aggregation = aggregation;
        _path = path;
    }

    public void Validate(ElementNode node, ValidationScope scope)
    {
        if (!string.Equals(node.Type?.Name, "Reference", StringComparison.Ordinal) || node.Child("reference")?.Text is not { } reference)
        {
            return;
        }

        var target = ReferenceResolver.Resolve(node, reference);
        if (target.Kind == ReferenceKind.Contained && !target.IsResolved)
        {
            scope.Error(IssueType.NotFound, node, $"the reference '{reference}' names no contained resource (contained ids: {ContainedIds(node)})", "reference-contained-not-found");
            return;
        }

        if (node.Child("type")?.Text is { } declared && target.TypeName is { } actual && !string.Equals(declared, actual, StringComparison.Ordinal))
        {
            scope.Error(IssueType.Structure, node, $"Reference.type says '{declared}', but '{reference}' is a {actual}", "reference-type-mismatch");
        }

        var typeName = target.TypeName ?? node.Child("type")?.Text;
        if (typeName is not null && _targets.Count > 0 && !_targets.Any(t => Allows(t.TypeName, typeName)))
        {
            scope.Error(IssueType.Structure, node, $"{_path} is Reference({string.Join("|", _targets.Select(t => t.TypeName).Distinct(StringComparer.Ordinal))}), so it cannot point to a {typeName} ('{reference}')", "reference-target-type");
            return;
        }

        CheckAggregation(node, scope, target, reference);
        if (target.Resource is { } resolved && typeName is not null)
        {
            CheckTargetProfiles(node, scope, resolved, typeName, reference);
        }
    }

    private void CheckTargetProfiles(ElementNode node, ValidationScope scope, ElementNode resolved, string typeName, string reference)
    {
        var profiles = _targets.Where(t => t.Profile is not null && Allows(t.TypeName, typeName)).ToList();
        if (profiles.Count == 0 || _targets.Any(t => t.Profile is null && Allows(t.TypeName, typeName)))
        {
            return;
        }

        foreach (var target in profiles)
        {
            var profile = target.Profile!;
            if (profile.Get() is null)
            {
                return;
            }

            if (scope.Conforms(resolved, profile.Canonical, probe =>
            {
                ResourceValidation.Validate(resolved, probe, [profile.Canonical], []);
                return probe.ErrorCount == 0;
            }))
            {
                return;
            }
        }

        scope.Error(IssueType.Structure, node, $"the target of '{reference}' does not conform to {string.Join(" or ", profiles.Select(p => p.Profile!.Canonical))}, required for {_path}", "reference-target-profile");
    }

    private void CheckAggregation(ElementNode node, ValidationScope scope, ReferenceTarget target, string reference)
    {
        if (_aggregation.Count == 0)
        {
            return;
        }

        var ok = target.Kind == ReferenceKind.Contained ? _aggregation.Contains("contained")
            : target.IsResolved ? _aggregation.Contains("bundled") || _aggregation.Contains("referenced")
            : _aggregation.Contains("referenced");
        if (!ok)
        {
            scope.Error(IssueType.Structure, node, $"'{reference}' is {(target.Kind == ReferenceKind.Contained ? "contained" : target.IsResolved ? "bundled" : "referenced")}, but {_path} allows only {string.Join(", ", _aggregation)} references", "reference-aggregation");
        }
    }

    private static bool Allows(string allowed, string typeName) =>
        allowed is "Resource" or "DomainResource" || string.Equals(allowed, typeName, StringComparison.Ordinal)
        || (ModelInfo.GetType(typeName) is { } type && type.IsSubtypeOf(allowed));

    private static string ContainedIds(ElementNode node)
    {
        var ids = ReferenceResolver.Container(node)?.ChildrenNamed("contained").Select(c => c.Child("id")?.Text).OfType<string>().ToList() ?? [];
        return ids.Count == 0 ? "none" : string.Join(", ", ids);
    }
}

/// <summary>An allowed reference target: its resource type and, for a profile, the compiled profile.</summary>
internal sealed record TargetProfile(string TypeName, SchemaRef? Profile);
