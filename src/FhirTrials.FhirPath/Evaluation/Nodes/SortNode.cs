using FhirTrials.FhirPath.Operators;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>One key of <c>sort()</c>.</summary>
internal sealed record SortKey(EvalNode Expression, bool Descending);

/// <summary>
/// <c>sort([key, -key…])</c>: a stable sort of the input, by the items themselves or by the keys
/// (each evaluated with <c>$this</c> set to the item); empty keys sort first, in either direction.
/// </summary>
internal sealed class SortNode(SortKey[] keys, int position) : EvalNode(position)
{
    public override void Evaluate(EvalState state, ItemList focus, ItemList output)
    {
        var count = focus.Count;
        var keyCount = Math.Max(keys.Length, 1);
        var values = new Scalar?[count, keyCount];
        var iteration = new Iteration(state);
        var scratch = state.Rent();
        for (var i = 0; i < count; i++)
        {
            var one = iteration.Enter(focus[i], i);
            for (var k = 0; k < keyCount; k++)
            {
                if (keys.Length == 0)
                {
                    values[i, k] = Scalar.From(focus[i]);
                    continue;
                }

                scratch.Clear();
                keys[k].Expression.Evaluate(state, one, scratch);
                if (scratch.Count > 1)
                {
                    throw Error($"a sort key must be a single value, found {scratch.Count} items");
                }

                values[i, k] = scratch.Count == 1 ? Scalar.From(scratch[0]) : null;
            }
        }

        iteration.Exit();
        state.Return(scratch);
        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(order, (x, y) => CompareRows(values, x, y));
        foreach (var index in order)
        {
            output.Add(focus[index]);
        }
    }

    private int CompareRows(Scalar?[,] values, int x, int y)
    {
        for (var k = 0; k < values.GetLength(1); k++)
        {
            var (a, b) = (values[x, k], values[y, k]);
            if (a is null || b is null)
            {
                if (a is null != b is null)
                {
                    return a is null ? -1 : 1;
                }

                continue;
            }

            var result = Comparison.Compare(a.Value, b.Value, Position) ?? 0;
            if (result != 0)
            {
                return keys.Length > 0 && keys[k].Descending ? -result : result;
            }
        }

        return x.CompareTo(y);
    }
}
