using FhirTrials.FhirPath.Types;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>What a <see cref="TypeTestNode"/> does.</summary>
internal enum TypeTest : byte
{
    /// <summary><c>is</c>: a boolean for a single item.</summary>
    Is,

    /// <summary><c>as</c>: the items of the type (R4 invariants and search parameters apply it to collections, so it filters).</summary>
    As,

    /// <summary><c>ofType()</c>: the items of the type.</summary>
    OfType,
}

/// <summary><c>x is T</c>, <c>x as T</c>, <c>is(T)</c>, <c>as(T)</c>, <c>ofType(T)</c>; with no operand the input is the focus.</summary>
internal sealed class TypeTestNode(EvalNode? operand, TypeSpecifier type, TypeTest test, int position) : EvalNode(position)
{
    public TypeSpecifier Type { get; } = type;

    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        if (test == TypeTest.Is)
        {
            if (EvaluateBoolean(state, focus) is { } value)
            {
                output.Add(FhirPathItem.FromBoolean(value));
            }

            return;
        }

        var items = Input(state, focus);
        for (var i = 0; i < items.Count; i++)
        {
            if (Type.MatchesForCast(items[i]))
            {
                output.Add(items[i]);
            }
        }

        Done(state, items);
    }

    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        if (test != TypeTest.Is)
        {
            return base.EvaluateBoolean(state, focus);
        }

        var items = Input(state, focus);
        if (items.Count > 1)
        {
            throw Error($"'is' tests a single item, found a collection of {items.Count}");
        }

        bool? result = items.Count == 0 ? null : Type.Matches(items[0]);
        Done(state, items);
        return result;
    }

    private ItemList Input(EvalState state, ItemList focus)
    {
        if (operand is null)
        {
            return focus;
        }

        var items = state.Rent();
        operand.Evaluate(state, focus, items);
        return items;
    }

    private void Done(EvalState state, ItemList items)
    {
        if (operand is not null)
        {
            state.Return(items);
        }
    }
}
