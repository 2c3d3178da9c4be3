using FhirTrials.FhirPath.Operators;
using FhirTrials.FhirPath.Syntax;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>A binary operator node with helpers for single-valued operands.</summary>
internal abstract class BinaryNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : EvalNode(position)
{
    public BinaryOperator Operator { get; } = op;

    public EvalNode Left { get; } = left;

    public EvalNode Right { get; } = right;

    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        if (EvaluateBoolean(state, focus) is { } value)
        {
            output.Add(FhirPathItem.FromBoolean(value));
        }
    }

    /// <summary>Evaluates an operand that must hold at most one item; false when it is empty.</summary>
    protected bool TrySingle(EvalState state, EvalNode operand, ItemList focus, out Scalar value)
    {
        var items = state.Rent();
        operand.Evaluate(state, focus, items);
        if (items.Count > 1)
        {
            throw Error($"the operands of '{Describe(Operator)}' must be single values, found a collection of {items.Count} items");
        }

        var found = items.Count == 1;
        value = found ? Scalar.From(items[0]) : default;
        state.Return(items);
        return found;
    }

    protected static string Describe(BinaryOperator op) => op switch
    {
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Equivalent => "~",
        BinaryOperator.NotEquivalent => "!~",
        BinaryOperator.Union => "|",
        _ => Arithmetic.Symbol(op).ToLowerInvariant(),
    };
}

/// <summary><c>and or xor implies</c> with three-valued logic, short-circuiting where the left side decides.</summary>
internal sealed class LogicNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : BinaryNode(op, left, right, position)
{
    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var l = Left.EvaluateBoolean(state, focus);
        switch (Operator)
        {
            case BinaryOperator.And:
                if (l == false)
                {
                    return false;
                }

                var ar = Right.EvaluateBoolean(state, focus);
                return ar == false ? false : l == true && ar == true ? true : null;
            case BinaryOperator.Or:
                if (l == true)
                {
                    return true;
                }

                var or = Right.EvaluateBoolean(state, focus);
                return or == true ? true : l == false && or == false ? false : null;
            case BinaryOperator.Implies:
                if (l == false)
                {
                    return true;
                }

                var ir = Right.EvaluateBoolean(state, focus);
                return ir == true ? true : l == true ? ir : null;
            default:
                var xr = Right.EvaluateBoolean(state, focus);
                return l is { } a && xr is { } b ? a != b : null;
        }
    }
}

/// <summary><c>= != ~ !~</c> over whole collections.</summary>
internal sealed class EqualityNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : BinaryNode(op, left, right, position)
{
    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        var l = state.Rent();
        var r = state.Rent();
        Left.Evaluate(state, focus, l);
        Right.Evaluate(state, focus, r);
        bool? result = Operator switch
        {
            BinaryOperator.Equal => Equality.CollectionsEqual(l, r),
            BinaryOperator.NotEqual => !Equality.CollectionsEqual(l, r),
            BinaryOperator.Equivalent => Equality.CollectionsEquivalent(l, r),
            _ => !Equality.CollectionsEquivalent(l, r),
        };
        state.Return(l);
        state.Return(r);
        return result;
    }
}

/// <summary><c>&lt; &lt;= &gt; &gt;=</c> on single values.</summary>
internal sealed class ComparisonNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : BinaryNode(op, left, right, position)
{
    public override bool? EvaluateBoolean(EvalState state, ItemList focus)
    {
        if (!TrySingle(state, Left, focus, out var a) | !TrySingle(state, Right, focus, out var b))
        {
            return null;
        }

        var order = Comparison.Compare(a, b, Position);
        return order is not { } o ? null : Operator switch
        {
            BinaryOperator.Less => o < 0,
            BinaryOperator.LessOrEqual => o <= 0,
            BinaryOperator.Greater => o > 0,
            _ => o >= 0,
        };
    }
}

/// <summary><c>+ - * / div mod</c> on single values.</summary>
internal sealed class ArithmeticNode(BinaryOperator op, EvalNode left, EvalNode right, int position) : BinaryNode(op, left, right, position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        if (!TrySingle(state, Left, focus, out var a) | !TrySingle(state, Right, focus, out var b))
        {
            return;
        }

        if (Arithmetic.Apply(Operator, a, b, Position) is { } result)
        {
            output.Add(result);
        }
    }

    public override bool? EvaluateBoolean(EvalState state, ItemList focus) => EvaluateAsCollection(state, focus);

    private bool? EvaluateAsCollection(EvalState state, ItemList focus)
    {
        var items = state.Rent();
        Evaluate(state, focus, items);
        var value = Booleans.Singleton(items, Position, "a boolean");
        state.Return(items);
        return value;
    }
}

/// <summary><c>&amp;</c>: string concatenation where an empty operand counts as the empty string.</summary>
internal sealed class ConcatenateNode(EvalNode left, EvalNode right, int position) : BinaryNode(BinaryOperator.Concatenate, left, right, position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output) =>
        output.Add(FhirPathItem.FromString(Text(state, Left, focus) + Text(state, Right, focus)));

    public override bool? EvaluateBoolean(EvalState state, ItemList focus) => true;

    private string Text(EvalState state, EvalNode operand, ItemList focus)
    {
        if (!TrySingle(state, operand, focus, out var value) || !value.HasValue)
        {
            return string.Empty;
        }

        return value.Kind == FhirPathItemKind.String ? value.String! : throw Error($"'&' concatenates strings, found {Comparison.Describe(value)}");
    }
}
