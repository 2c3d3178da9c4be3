using System.Collections.Frozen;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Invariants;

/// <summary>
/// Hand-written equivalents of the invariants found on (nearly) every element and resource, used when
/// a constraint's expression is exactly the official one: evaluating them through FHIRPath on every
/// node would dominate validation time. Any other expression goes to the FHIRPath engine.
/// </summary>
internal static class NativeInvariants
{
    private static readonly FrozenDictionary<string, IInvariantExpression> ByExpression = new Dictionary<string, IInvariantExpression>(StringComparer.Ordinal)
    {
        // ele-1: All FHIR elements must have a @value or children
        ["hasValue() or (children().count() > id.count())"] = new Native(HasValueOrChildren),

        // ext-1: Must have either extensions or value[x], not both
        ["extension.exists() != value.exists()"] = new Native(n => n.Child("extension") is not null != (n.Child("value") is not null)),

        // dom-2: If the resource is contained in another resource, it SHALL NOT contain nested Resources
        ["contained.contained.empty()"] = new Native(n => !n.ChildrenNamed("contained").Any(c => c.Child("contained") is not null)),

        // dom-4: contained resources have no meta.versionId or meta.lastUpdated
        ["contained.meta.versionId.empty() and contained.meta.lastUpdated.empty()"] = new Native(n =>
            !n.ChildrenNamed("contained").Any(c => c.Child("meta") is { } m && (m.Child("versionId") is not null || m.Child("lastUpdated") is not null))),

        // dom-5: contained resources have no security labels
        ["contained.meta.security.empty()"] = new Native(n => !n.ChildrenNamed("contained").Any(c => c.Child("meta")?.Child("security") is not null)),

        // dom-6: A resource should have narrative for robust management
        ["text.`div`.exists()"] = new Native(n => n.Child("text")?.Child("div") is not null),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The native equivalent of <paramref name="expression"/>, or null.</summary>
    public static IInvariantExpression? Find(string expression) => ByExpression.GetValueOrDefault(expression);

    /// <summary>ele-1; an element left empty by the parser (its only content was invalid, e.g. an empty array) was already reported there.</summary>
    private static bool HasValueOrChildren(ElementNode node, Schema.ValidationScope scope)
    {
        if (node.Text is not null || (scope.StructureReported && node.IsEmpty))
        {
            return true;
        }

        foreach (var child in node.Children)
        {
            if (!string.Equals(child.Name, "id", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Native : IInvariantExpression
    {
        private readonly Func<ElementNode, Schema.ValidationScope, bool> _predicate;

        public Native(Func<ElementNode, bool> predicate) => _predicate = (n, _) => predicate(n);

        public Native(Func<ElementNode, Schema.ValidationScope, bool> predicate) => _predicate = predicate;

        public bool IsSatisfied(ElementNode focus, Schema.ValidationScope scope, ElementNode? resource = null) => _predicate(focus, scope);
    }
}
