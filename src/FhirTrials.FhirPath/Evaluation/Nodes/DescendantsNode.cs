using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>
/// <c>descendants().a.b</c>, <c>descendants().as(T)</c> and <c>descendants().ofType(T)</c> fused into
/// one walk of the tree: the same items in the same order as the unfused form, without first
/// collecting every descendant (invariants such as dom-3 do this several times per resource).
/// </summary>
internal sealed class DescendantsNode : EvalNode
{
    private readonly PathNode? _path;
    private readonly TypeSpecifier? _type;

    private DescendantsNode(PathNode? path, TypeSpecifier? type, int position)
        : base(position)
    {
        _path = path;
        _type = type;
    }

    public static DescendantsNode WithMembers(PathNode path) => new(path, null, path.Position);

    public static DescendantsNode OfType(TypeSpecifier type, int position) => new(null, type, position);

    /// <summary>Extends <c>descendants().a</c> to <c>descendants().a.b</c>; null when this node filters by type.</summary>
    public DescendantsNode? Append(string name) => _path is null ? null : new(_path.Append(name), null, Position);

    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var single = _path is null ? null : state.Rent();
        for (var i = 0; i < focus.Count; i++)
        {
            if (focus[i].Node is { } node)
            {
                Walk(node, state, single, output);
            }
        }

        if (single is not null)
        {
            state.Return(single);
        }
    }

    private void Walk(ElementNode node, EvalState state, ItemList? single, ItemList output)
    {
        var children = node.Children;
        for (var k = 0; k < children.Count; k++)
        {
            var child = children[k];
            var item = FhirPathItem.FromNode(child);
            if (_path is not null)
            {
                single!.Clear();
                single.Add(item);
                _path.Evaluate(state, single, output);
            }
            else if (_type!.MatchesForCast(item))
            {
                output.Add(item);
            }

            Walk(child, state, single, output);
        }
    }
}
