using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Operators;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Existence: <c>empty exists all allTrue anyTrue allFalse anyFalse subsetOf supersetOf count distinct isDistinct</c>.</summary>
internal static class ExistenceFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("not", 0, 0, Not, ResultType.Boolean));
        table.Add(new("empty", 0, 0, static (in Call c) => c.Add(c.Input.Count == 0), ResultType.Boolean));
        table.Add(new("exists", 0, 1, Exists, ResultType.Boolean, IteratesArguments: true));
        table.Add(new("all", 1, 1, All, ResultType.Boolean, IteratesArguments: true));
        table.Add(new("allTrue", 0, 0, static (in Call c) => c.Add(AllBooleans(c, expected: true, all: true)), ResultType.Boolean));
        table.Add(new("anyTrue", 0, 0, static (in Call c) => c.Add(AllBooleans(c, expected: true, all: false)), ResultType.Boolean));
        table.Add(new("allFalse", 0, 0, static (in Call c) => c.Add(AllBooleans(c, expected: false, all: true)), ResultType.Boolean));
        table.Add(new("anyFalse", 0, 0, static (in Call c) => c.Add(AllBooleans(c, expected: false, all: false)), ResultType.Boolean));
        table.Add(new("subsetOf", 1, 1, static (in Call c) => c.Add(Subset(c, c.Input, argumentIsSuperset: true)), ResultType.Boolean));
        table.Add(new("supersetOf", 1, 1, static (in Call c) => c.Add(Subset(c, c.Input, argumentIsSuperset: false)), ResultType.Boolean));
        table.Add(new("count", 0, 0, static (in Call c) => c.Add(c.Input.Count), ResultType.Integer));
        table.Add(new("distinct", 0, 0, Distinct, ResultType.Input));
        table.Add(new("isDistinct", 0, 0, IsDistinct, ResultType.Boolean));
    }

    /// <summary><c>not()</c>: the negation of the input read as a boolean (empty stays empty).</summary>
    private static void Not(in Call c)
    {
        if (Booleans.Singleton(c.Input, c.Position, "a boolean for not()") is { } value)
        {
            c.Add(!value);
        }
    }

    private static void Exists(in Call c)
    {
        if (c.ArgumentCount == 0)
        {
            c.Add(c.Input.Count > 0);
            return;
        }

        var found = false;
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count && !found; i++)
        {
            found = c.Arguments[0].EvaluateBoolean(c.State, iteration.Enter(c.Input[i], i)) == true;
        }

        iteration.Exit();
        c.Add(found);
    }

    private static void All(in Call c)
    {
        var all = true;
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count && all; i++)
        {
            all = c.Arguments[0].EvaluateBoolean(c.State, iteration.Enter(c.Input[i], i)) == true;
        }

        iteration.Exit();
        c.Add(all);
    }

    /// <summary>allTrue/anyTrue/allFalse/anyFalse: the items must all be Booleans.</summary>
    private static bool AllBooleans(in Call c, bool expected, bool all)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (!Booleans.TryGetBoolean(c.Input[i], out var value))
            {
                throw c.Error($"expects Booleans, found {c.Input[i].TypeName}");
            }

            var matches = value == expected;
            if (all && !matches)
            {
                return false;
            }

            if (!all && matches)
            {
                return true;
            }
        }

        return all;
    }

    private static bool Subset(in Call c, ItemList input, bool argumentIsSuperset)
    {
        var other = c.Argument(0);
        var (subset, superset) = argumentIsSuperset ? (input, other) : (other, input);
        var result = true;
        for (var i = 0; i < subset.Count && result; i++)
        {
            result = Contains(superset, subset[i]);
        }

        c.Done(other);
        return result;
    }

    internal static bool Contains(ItemList items, in FhirPathItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (Equality.Equal(items[i], item) == true)
            {
                return true;
            }
        }

        return false;
    }

    private static void Distinct(in Call c)
    {
        var appender = new DistinctAppender(c.Output);
        for (var i = 0; i < c.Input.Count; i++)
        {
            appender.TryAdd(c.Input[i]);
        }
    }

    private static void IsDistinct(in Call c)
    {
        var scratch = c.State.Rent();
        var appender = new DistinctAppender(scratch);
        var distinct = true;
        for (var i = 0; i < c.Input.Count && distinct; i++)
        {
            distinct = appender.TryAdd(c.Input[i]);
        }

        c.Done(scratch);
        c.Add(distinct);
    }
}
