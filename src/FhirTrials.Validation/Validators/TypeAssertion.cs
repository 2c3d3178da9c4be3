using System.Collections.Frozen;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Primitives;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// The types of an element: the instance's type must be one the element allows (for choices and
/// resource-typed elements), and the value is then validated against its type: a type profile, an
/// extension definition (found by URL), a resource's own definitions, or the datatype's definition
/// (its children only when the snapshot does not define them itself).
/// </summary>
internal sealed class TypeAssertion : IAssertion
{
    private readonly ElementSchema _owner;
    private readonly TypeCase[] _cases;
    private readonly FrozenDictionary<string, TypeCase> _byCode;
    private readonly bool _checkType;
    private readonly bool _isModifierSlot;

    /// <summary>R4: strings (and other primitives) SHALL NOT exceed 1 MB.</summary>
    private const int MaxPrimitiveLength = 1024 * 1024;

    public TypeAssertion(ElementSchema owner, TypeCase[] cases, bool checkType)
    {
        _owner = owner;
        _cases = cases;
        _byCode = cases.DistinctBy(c => c.Code, StringComparer.Ordinal).ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _checkType = checkType;
        _isModifierSlot = string.Equals(owner.Definition.Name, "modifierExtension", StringComparison.Ordinal);
    }

    void IAssertion.Validate(ElementNode node, ValidationScope scope) => Validate(node, scope);

    /// <summary>Checks the type and validates the value against it; false when the type is not allowed (the element's other rules then do not apply).</summary>
    public bool Validate(ElementNode node, ValidationScope scope)
    {
        if (node.Type is not { } type)
        {
            return true;
        }

        var typeCase = Find(type);
        if (typeCase is null)
        {
            if (_checkType)
            {
                scope.Error(IssueType.Structure, node, $"type {type.Name} is not allowed for {_owner.Definition.Path}: expected {string.Join(" or ", _cases.Select(c => c.Code))}", "type");
                return false;
            }

            return true;
        }

        if (type.IsPrimitive && node.Text is { } text)
        {
            if (!scope.StructureReported && PrimitiveFormat.Check(type.Name, text) is { } problem)
            {
                scope.Error(IssueType.Value, node, $"'{text}' is not a valid {type.Name}: {problem}", "primitive-format");
            }

            if (text.Length > MaxPrimitiveLength && type.Name != "base64Binary")
            {
                scope.Error(IssueType.TooLong, node, $"the value is {text.Length} characters long: FHIR limits primitive values to 1 MB", "primitive-1mb");
            }
        }

        switch (typeCase.Kind)
        {
            case TypeCaseKind.Resource:
                ResourceValidation.Validate(node, scope, null, typeCase.Profiles);
                break;
            case TypeCaseKind.Extension:
                ExtensionValidation.Validate(node, scope, typeCase.Profiles, _owner, _isModifierSlot);
                break;
            case TypeCaseKind.DataType when type.Kind != FhirTypeKind.Backbone:
                ValidateDataType(node, scope, typeCase, type);
                break;
        }

        return true;
    }

    private TypeCase? Find(FhirTypeInfo type)
    {
        if (_byCode.TryGetValue(type.Name, out var exact))
        {
            return exact;
        }

        foreach (var c in _cases)
        {
            if (c.Kind == TypeCaseKind.Resource ? type.IsSubtypeOf(c.Code) : !_checkType)
            {
                return c;
            }
        }

        return null;
    }

    private void ValidateDataType(ElementNode node, ValidationScope scope, TypeCase typeCase, FhirTypeInfo type)
    {
        if (typeCase.Profiles.Count == 0)
        {
            var schema = scope.Services.Schemas.ForType(type.Name);
            schema?.Root.ValidateAsType(node, scope, _owner.InvariantKeys, includeChildren: !_owner.HasChildren);
            return;
        }

        ProfileChoice.Validate(node, scope, typeCase.Profiles, p => p.Root.ValidateAsType(node, scope, _owner.InvariantKeys, includeChildren: true));
    }
}

/// <summary>How a type is validated: as a datatype, an extension, or a resource.</summary>
internal enum TypeCaseKind
{
    DataType,
    Extension,
    Resource,
}

/// <summary>One allowed type of an element, with its profiles.</summary>
internal sealed record TypeCase(string Code, TypeCaseKind Kind, IReadOnlyList<SchemaRef> Profiles);
