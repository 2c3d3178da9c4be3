using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// A run of member names (<c>name.given</c>), walked child by child without intermediate
/// collections. At the start of a path the first name may be a type (<c>Patient.name</c>): an input
/// item of that type (or a subtype) stands for itself.
/// </summary>
internal sealed class PathNode : EvalNode
{
    private readonly string[] _names;
    private readonly FhirTypeInfo? _rootType;

    public PathNode(IReadOnlyList<string> names, FhirTypeInfo? rootType, int position)
        : base(position)
    {
        _names = [.. names.Select(string.Intern)];
        _rootType = rootType;
    }

    public IReadOnlyList<string> Names => _names;

    public FhirTypeInfo? RootType => _rootType;

    /// <summary>A path extended by one more member.</summary>
    public PathNode Append(string name) => new([.. _names, name], _rootType, Position);

    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        for (var i = 0; i < focus.Count; i++)
        {
            var item = focus[i];
            if (item.Node is { } node)
            {
                if (_rootType is not null && node.Type is { } type && type.IsSubtypeOf(_rootType))
                {
                    Walk(node, 1, output);
                }
                else
                {
                    Walk(node, 0, output);
                }
            }
            else
            {
                SystemMember(item, output);
            }
        }
    }

    private void Walk(ElementNode node, int depth, ItemList output)
    {
        if (depth == _names.Length)
        {
            output.Add(FhirPathItem.FromNode(node));
            return;
        }

        var name = _names[depth];
        var children = node.Children;
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (ReferenceEquals(child.Name, name) || string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                Walk(child, depth + 1, output);
            }
        }
    }

    /// <summary>The members System values have: a Quantity's <c>value</c> and <c>unit</c>, a type's <c>name</c> and <c>namespace</c>.</summary>
    private void SystemMember(in FhirPathItem item, ItemList output)
    {
        if (_names.Length != 1)
        {
            return;
        }

        FhirPathItem? member = (item.Kind, _names[0]) switch
        {
            (FhirPathItemKind.Quantity, "value") => FhirPathItem.FromDecimal(item.QuantityValue!.Value),
            (FhirPathItemKind.Quantity, "unit") => FhirPathItem.FromString(item.QuantityValue!.Unit),
            (FhirPathItemKind.TypeInfo, "name") => FhirPathItem.FromString(item.TypeInfoValue!.Name),
            (FhirPathItemKind.TypeInfo, "namespace") => FhirPathItem.FromString(item.TypeInfoValue!.Namespace),
            _ => null,
        };
        if (member is { } m)
        {
            output.Add(m);
        }
    }
}
