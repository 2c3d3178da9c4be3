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

        // dom-3: every contained resource is referenced from the resource (or refers to it)
        [Dom3Expression] = new Native(ContainedReferences.AllReferenced),

        // ref-1: SHALL have a contained resource if a local reference is provided
        ["reference.startsWith('#').not() or (reference.substring(1).trace('url') in %rootResource.contained.id.trace('ids'))"] = new Native(LocalReferenceResolves),

        // qty-3: If a code for the unit is present, the system SHALL also be present
        ["code.empty() or system.exists()"] = new Native(n => n.Child("code") is null || n.Child("system") is not null),

        // cpt-2: A system is required if a value is provided
        ["value.empty() or system.exists()"] = new Native(n => n.Child("value") is null || n.Child("system") is not null),

        // sqty-1: The comparator is not used on a SimpleQuantity
        ["comparator.empty()"] = new Native(n => n.Child("comparator") is null),

        // drt-1: There SHALL be a code if there is a value and it SHALL be an expression of time (UCUM)
        ["code.exists() implies ((system = %ucum) and value.exists())"] = new Native(DurationCodeIsUcum),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const string Dom3Expression = "contained.where((('#'+id in (%resource.descendants().reference | %resource.descendants().as(canonical) | %resource.descendants().as(uri) | %resource.descendants().as(url))) or descendants().where(reference = '#').exists() or descendants().where(as(canonical) = '#').exists() or descendants().where(as(canonical) = '#').exists()).not()).trace('unmatched', id).empty()";

    /// <summary>The expressions implemented here (the equivalence test evaluates each both ways).</summary>
    public static IEnumerable<string> Expressions => ByExpression.Keys;

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

    /// <summary>
    /// ref-1: a <c>#id</c> reference names a contained resource of the root resource. Empty results pass:
    /// no reference, and <c>#</c> alone (whose <c>substring(1)</c> is empty in FHIRPath).
    /// </summary>
    private static bool LocalReferenceResolves(ElementNode reference)
    {
        if (reference.Child("reference")?.Text is not { Length: > 1 } text || !text.StartsWith('#'))
        {
            return true;
        }

        var id = text[1..];
        foreach (var contained in References.ReferenceResolver.Container(reference)?.ChildrenNamed("contained") ?? [])
        {
            if (string.Equals(contained.Child("id")?.Text, id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>drt-1, with FHIRPath's empty propagation: a missing system with a value present gives empty (passes).</summary>
    private static bool DurationCodeIsUcum(ElementNode duration)
    {
        if (duration.Child("code") is null)
        {
            return true;
        }

        var hasValue = duration.Child("value") is not null;
        return duration.Child("system")?.Text is not { } system ? hasValue
            : string.Equals(system, "http://unitsofmeasure.org", StringComparison.Ordinal) && hasValue;
    }

    private sealed class Native : IInvariantExpression
    {
        private readonly Func<ElementNode, Schema.ValidationScope, bool> _predicate;

        public Native(Func<ElementNode, bool> predicate) => _predicate = (n, _) => predicate(n);

        public Native(Func<ElementNode, Schema.ValidationScope, bool> predicate) => _predicate = predicate;

        public bool IsNative => true;

        public bool IsSatisfied(ElementNode focus, Schema.ValidationScope scope, ElementNode? resource = null) => _predicate(focus, scope);
    }
}
