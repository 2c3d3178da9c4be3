using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Utility: <c>trace now today timeOfDay type aggregate</c>.</summary>
internal static class UtilityFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("trace", 1, 2, Trace, ResultType.Input, IteratesArguments: true));
        table.Add(new("now", 0, 0, static (in Call c) => c.Add(FhirPathItem.FromDateTime(Now(c.State.Now, FhirPathDateTimeKind.DateTime))), ResultType.DateTime));
        table.Add(new("today", 0, 0, static (in Call c) => c.Add(FhirPathItem.FromDateTime(Now(c.State.Now, FhirPathDateTimeKind.Date))), ResultType.Date));
        table.Add(new("timeOfDay", 0, 0, static (in Call c) => c.Add(FhirPathItem.FromDateTime(Now(c.State.Now, FhirPathDateTimeKind.Time))), ResultType.Time));
        table.Add(new("type", 0, 0, TypeOf, ResultType.Any));
        table.Add(new("aggregate", 1, 2, Aggregate, ResultType.Any, IteratesArguments: true));
    }

    private static FhirPathDateTime Now(DateTimeOffset now, FhirPathDateTimeKind kind) => kind switch
    {
        FhirPathDateTimeKind.Date => new FhirPathDateTime(kind, DateTimePrecision.Day, now.Year, now.Month, now.Day, 0, 0, 0, 0, null),
        FhirPathDateTimeKind.Time => new FhirPathDateTime(kind, DateTimePrecision.Millisecond, 0, 1, 1, now.Hour, now.Minute, now.Second, now.Millisecond, null),
        _ => new FhirPathDateTime(kind, DateTimePrecision.Millisecond, now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, now.Millisecond, now.Offset),
    };

    /// <summary><c>trace(name [, projection])</c>: passes the input through and sends it (or the projection of each item) to the context's trace sink.</summary>
    private static void Trace(in Call c)
    {
        c.Output.AddRange(c.Input);
        if (c.State.Context.Trace is not { } sink)
        {
            return;
        }

        var name = c.StringArgument(0) ?? string.Empty;
        if (c.ArgumentCount == 1)
        {
            sink(name, c.Input.ToArray());
            return;
        }

        var projected = c.State.Rent();
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count; i++)
        {
            c.Arguments[1].Evaluate(c.State, iteration.Enter(c.Input[i], i), projected);
        }

        iteration.Exit();
        sink(name, projected.ToArray());
        c.Done(projected);
    }

    private static void TypeOf(in Call c)
    {
        for (var i = 0; i < c.Input.Count; i++)
        {
            var item = c.Input[i];
            var type = item.Node is { } node
                ? new FhirPathTypeInfo("FHIR", node.TypeName)
                : new FhirPathTypeInfo("System", item.TypeName["System.".Length..]);
            c.Add(FhirPathItem.FromTypeInfo(type));
        }
    }

    /// <summary><c>aggregate(aggregator [, init])</c>: folds the input, with <c>$total</c> holding the running result.</summary>
    private static void Aggregate(in Call c)
    {
        var savedTotal = c.State.Total;
        var total = c.ArgumentCount == 2 ? c.Argument(1) : c.State.Rent();
        var iteration = new Iteration(c.State);
        for (var i = 0; i < c.Input.Count; i++)
        {
            var next = c.State.Rent();
            var focus = iteration.Enter(c.Input[i], i);
            c.State.Total = total;
            c.Arguments[0].Evaluate(c.State, focus, next);
            c.Done(total);
            total = next;
        }

        iteration.Exit();
        c.State.Total = savedTotal;
        c.Output.AddRange(total);
        c.Done(total);
    }
}
