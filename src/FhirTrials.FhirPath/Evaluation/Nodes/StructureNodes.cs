namespace FhirTrials.FhirPath.Evaluation;

/// <summary><c>left.right</c> where <c>right</c> is not a plain member: <c>right</c> runs on the output of <c>left</c>.</summary>
internal sealed class ChainNode(EvalNode left, EvalNode right) : EvalNode(right.Position)
{
    public EvalNode Left { get; } = left;

    public EvalNode Right { get; } = right;

    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var input = state.Rent();
        Left.Evaluate(state, focus, input);
        Right.Evaluate(state, input, output);
        state.Return(input);
    }

    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var input = state.Rent();
        Left.Evaluate(state, focus, input);
        var result = Right.EvaluateBoolean(state, input);
        state.Return(input);
        return result;
    }
}

/// <summary><c>target[index]</c>: the item at a 0-based position, or empty when out of range.</summary>
internal sealed class IndexerNode(EvalNode target, EvalNode index, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var indexes = state.EvaluateArgument(index);
        if (indexes.Count == 0)
        {
            state.Return(indexes);
            return;
        }

        if (indexes.Count > 1 || indexes[0].Kind is not (FhirPathItemKind.Integer or FhirPathItemKind.Long))
        {
            throw Error("an indexer needs a single integer");
        }

        var at = indexes[0].IntegerValue;
        state.Return(indexes);
        var items = state.Rent();
        target.Evaluate(state, focus, items);
        if (at >= 0 && at < items.Count)
        {
            output.Add(items[(int)at]);
        }

        state.Return(items);
    }
}

/// <summary>Unary <c>-</c> (unary <c>+</c> compiles to its operand after a type check).</summary>
internal sealed class NegateNode(EvalNode operand, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var items = state.Rent();
        operand.Evaluate(state, focus, items);
        if (items.Count > 1)
        {
            throw Error($"unary '-' needs a single value, found {items.Count} items");
        }

        if (items.Count == 1 && Operators.Arithmetic.Negate(Scalar.From(items[0]), Position) is { } negated)
        {
            output.Add(negated);
        }

        state.Return(items);
    }
}

/// <summary>Unary <c>+</c>: the operand, which must be a number or quantity.</summary>
internal sealed class PlusNode(EvalNode operand, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var items = state.Rent();
        operand.Evaluate(state, focus, items);
        if (items.Count > 1)
        {
            throw Error($"unary '+' needs a single value, found {items.Count} items");
        }

        if (items.Count == 1)
        {
            var s = Scalar.From(items[0]);
            if (!s.IsNumber && s.Kind != FhirPathItemKind.Quantity)
            {
                throw Error($"unary '+' needs a number or quantity, found {Operators.Comparison.Describe(s)}");
            }

            output.Add(items[0]);
        }

        state.Return(items);
    }
}
