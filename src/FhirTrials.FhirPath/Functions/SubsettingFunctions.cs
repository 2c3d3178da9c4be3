using FhirTrials.FhirPath.Operators;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Subsetting and combining: <c>single first last tail skip take intersect exclude union combine</c>.</summary>
internal static class SubsettingFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("single", 0, 0, Single, ResultType.Input));
        table.Add(new("first", 0, 0, static (in Call c) => Range(c, 0, 1), ResultType.Input));
        table.Add(new("last", 0, 0, static (in Call c) => Range(c, c.Input.Count - 1, 1), ResultType.Input));
        table.Add(new("tail", 0, 0, static (in Call c) => Range(c, 1, int.MaxValue), ResultType.Input));
        table.Add(new("skip", 1, 1, static (in Call c) => Range(c, Clamp(c.IntegerArgument(0) ?? 0), int.MaxValue), ResultType.Input));
        table.Add(new("take", 1, 1, static (in Call c) => Range(c, 0, Clamp(c.IntegerArgument(0) ?? 0)), ResultType.Input));
        table.Add(new("intersect", 1, 1, Intersect, ResultType.Input));
        table.Add(new("exclude", 1, 1, Exclude, ResultType.Input));
        table.Add(new("union", 1, 1, Union, ResultType.Any));
        table.Add(new("combine", 1, 1, Combine, ResultType.Any));
    }

    private static void Single(in Call c)
    {
        if (c.TrySingleInput(out var item))
        {
            c.Add(item);
        }
    }

    private static void Range(in Call c, int start, int count)
    {
        start = Math.Max(start, 0);
        var end = (int)Math.Min((long)start + count, c.Input.Count);
        for (var i = start; i < end; i++)
        {
            c.Add(c.Input[i]);
        }
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    private static void Intersect(in Call c)
    {
        var other = c.Argument(0);
        var appender = new DistinctAppender(c.Output);
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (ExistenceFunctions.Contains(other, c.Input[i]))
            {
                appender.TryAdd(c.Input[i]);
            }
        }

        c.Done(other);
    }

    private static void Exclude(in Call c)
    {
        var other = c.Argument(0);
        for (var i = 0; i < c.Input.Count; i++)
        {
            if (!ExistenceFunctions.Contains(other, c.Input[i]))
            {
                c.Add(c.Input[i]);
            }
        }

        c.Done(other);
    }

    private static void Union(in Call c)
    {
        var other = c.Argument(0);
        var appender = new DistinctAppender(c.Output);
        for (var i = 0; i < c.Input.Count; i++)
        {
            appender.TryAdd(c.Input[i]);
        }

        for (var i = 0; i < other.Count; i++)
        {
            appender.TryAdd(other[i]);
        }

        c.Done(other);
    }

    private static void Combine(in Call c)
    {
        var other = c.Argument(0);
        c.Output.AddRange(c.Input);
        c.Output.AddRange(other);
        c.Done(other);
    }
}
