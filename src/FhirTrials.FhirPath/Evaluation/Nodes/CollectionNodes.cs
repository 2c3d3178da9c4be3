using FhirTrials.FhirPath.Operators;
using FhirTrials.FhirPath.Syntax;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary><c>|</c>: both collections merged, duplicates removed.</summary>
internal sealed class UnionNode(EvalNode left, EvalNode right, int position) : BinaryNode(BinaryOperator.Union, left, right, position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var items = state.Rent();
        Left.Evaluate(state, focus, items);
        Right.Evaluate(state, focus, items);
        var appender = new DistinctAppender(output);
        for (var i = 0; i < items.Count; i++)
        {
            appender.TryAdd(items[i]);
        }

        state.Return(items);
    }

    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var items = state.Rent();
        Evaluate(state, focus, items);
        var value = Booleans.Singleton(items, Position, "a boolean");
        state.Return(items);
        return value;
    }
}

/// <summary><c>item in collection</c> and <c>collection contains item</c>.</summary>
internal sealed class MembershipNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : BinaryNode(op, left, right, position)
{
    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var (itemNode, collectionNode) = Operator == BinaryOperator.In ? (Left, Right) : (Right, Left);
        var item = state.Rent();
        itemNode.Evaluate(state, focus, item);
        if (item.Count == 0)
        {
            state.Return(item);
            return null;
        }

        if (item.Count > 1)
        {
            throw Error($"'{(Operator == BinaryOperator.In ? "in" : "contains")}' tests one item, found a collection of {item.Count}");
        }

        var collection = state.Rent();
        collectionNode.Evaluate(state, focus, collection);
        var found = false;
        for (var i = 0; i < collection.Count && !found; i++)
        {
            found = Equality.Equal(collection[i], item[0]) == true;
        }

        state.Return(item);
        state.Return(collection);
        return found;
    }
}
