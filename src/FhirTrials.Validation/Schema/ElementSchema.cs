using FhirTrials.Fhir.ElementModel;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// The compiled form of one ElementDefinition: its own assertions (type, values, binding, invariants…)
/// and the assertion over its children. Built once by <see cref="SchemaCompiler"/>; read-only after.
/// </summary>
internal sealed class ElementSchema
{
    private IAssertion[] _assertions = [];
    private ChildrenAssertion? _children;
    private TypeAssertion? _type;

    public ElementSchema(ElementDef definition, string profile)
    {
        Definition = definition;
        Profile = profile;
    }

    public ElementDef Definition { get; }

    /// <summary>The canonical of the StructureDefinition the element belongs to.</summary>
    public string Profile { get; }

    /// <summary>True when the snapshot defines the element's children (so the type's own definition is not walked).</summary>
    public bool HasChildren => _children is not null;

    /// <summary>The assertions other than the type check.</summary>
    public IReadOnlyList<IAssertion> Assertions => _assertions;

    /// <summary>The keys of the element's invariants (a type's definition does not repeat them).</summary>
    public string[] InvariantKeys { get; private set; } = [];

    internal void Complete(IAssertion[] assertions, ChildrenAssertion? children)
    {
        _type = assertions.OfType<TypeAssertion>().FirstOrDefault();
        _assertions = [.. assertions.Where(a => a is not TypeAssertion)];
        _children = children;
        InvariantKeys = [.. assertions.OfType<InvariantAssertion>().Select(a => a.Key)];
    }

    /// <summary>Validates a node against every rule of this element, its children included.</summary>
    public void Validate(ElementNode node, ValidationScope scope)
    {
        var previous = scope.Profile;
        scope.Profile = Profile;
        if (_type is null || _type.Validate(node, scope))
        {
            foreach (var assertion in _assertions)
            {
                assertion.Validate(node, scope);
            }

            _children?.Validate(node, scope);
        }

        scope.Profile = previous;
    }

    /// <summary>
    /// Validates a node against this element as the definition of its type (or type profile): the
    /// invariants the referring element already has are skipped; children only when asked.
    /// </summary>
    public void ValidateAsType(ElementNode node, ValidationScope scope, string[] skipKeys, bool includeChildren)
    {
        var previous = scope.Profile;
        scope.Profile = Profile;
        if (_type is not null && !_type.Validate(node, scope))
        {
            scope.Profile = previous;
            return;
        }

        foreach (var assertion in _assertions)
        {
            if (assertion is InvariantAssertion invariant && Array.IndexOf(skipKeys, invariant.Key) >= 0)
            {
                continue;
            }

            assertion.Validate(node, scope);
        }

        if (includeChildren)
        {
            _children?.Validate(node, scope);
        }

        scope.Profile = previous;
    }

    public override string ToString() => $"{Profile}#{Definition.Id}";
}
