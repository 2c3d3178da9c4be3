using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Conversion: <c>iif</c>, and <c>toX()</c>/<c>convertsToX()</c> for Boolean, Integer, Long, Decimal, String, Date, DateTime, Time and Quantity.</summary>
internal static partial class ConversionFunctions
{
    private enum Target
    {
        Boolean,
        Integer,
        Long,
        Decimal,
        String,
        Date,
        DateTime,
        Time,
        Quantity,
    }

    public static void Register(FunctionTable table)
    {
        table.Add(new("iif", 2, 3, Iif, ResultType.Any, IteratesArguments: true));
        Pair(table, "Boolean", Target.Boolean, ResultType.Boolean);
        Pair(table, "Integer", Target.Integer, ResultType.Integer);
        Pair(table, "Long", Target.Long, ResultType.Any);
        Pair(table, "Decimal", Target.Decimal, ResultType.Decimal);
        Pair(table, "String", Target.String, ResultType.String);
        Pair(table, "Date", Target.Date, ResultType.Date);
        Pair(table, "DateTime", Target.DateTime, ResultType.DateTime);
        Pair(table, "Time", Target.Time, ResultType.Time);
        table.Add(new("toQuantity", 0, 1, static (in Call c) => AddIfAny(c, ToQuantity(c)), ResultType.Quantity));
        table.Add(new("convertsToQuantity", 0, 1, static (in Call c) => ConvertsTo(c, ToQuantity(c)), ResultType.Boolean));
    }

    private static void Pair(FunctionTable table, string name, Target target, ResultType result)
    {
        table.Add(new("to" + name, 0, 0, (in Call c) => AddIfAny(c, Convert(c, target)), result));
        table.Add(new("convertsTo" + name, 0, 0, (in Call c) => ConvertsTo(c, Convert(c, target)), ResultType.Boolean));
    }

    /// <summary>
    /// <c>iif(criterion, true-result [, otherwise-result])</c>: the criterion and the chosen branch run
    /// with <c>$this</c> set to the (single) input; only the chosen branch is evaluated.
    /// </summary>
    private static void Iif(in Call c)
    {
        if (c.Input.Count > 1)
        {
            throw c.Error($"expects at most one input item, found a collection of {c.Input.Count}");
        }

        var saved = c.State.ThisList;
        c.State.ThisList = c.Input;
        try
        {
            var branch = c.Arguments[0].EvaluateBoolean(c.State, c.Input) == true ? 1 : 2;
            if (branch < c.ArgumentCount)
            {
                c.Arguments[branch].Evaluate(c.State, c.Input, c.Output);
            }
        }
        finally
        {
            c.State.ThisList = saved;
        }
    }

    private static void AddIfAny(in Call c, FhirPathItem? item)
    {
        if (item is { } value)
        {
            c.Add(value);
        }
    }

    private static void ConvertsTo(in Call c, FhirPathItem? item)
    {
        if (c.Input.Count > 0)
        {
            c.Add(item is not null);
        }
    }

    private static FhirPathItem? Convert(in Call c, Target target)
    {
        if (!c.TrySingleInput(out var item))
        {
            return null;
        }

        var s = Scalar.From(item);
        if (!s.HasValue)
        {
            return null;
        }

        return target switch
        {
            Target.Boolean => ToBoolean(s),
            Target.Integer => ToInteger(s) is { } i && i is >= int.MinValue and <= int.MaxValue ? FhirPathItem.FromInteger((int)i) : null,
            Target.Long => ToInteger(s) is { } l ? FhirPathItem.FromLong(l) : null,
            Target.Decimal => ToDecimal(s) is { } d ? FhirPathItem.FromDecimal(d) : null,
            Target.String => ToText(s) is { } text ? FhirPathItem.FromString(text) : null,
            Target.Date => ToDate(s),
            Target.DateTime => ToDateTime(s),
            _ => s.Kind switch
            {
                FhirPathItemKind.Time => FhirPathItem.FromDateTime(s.DateTime!),
                FhirPathItemKind.String => FhirPathDateTime.ParseTime(s.String) is { } t ? FhirPathItem.FromDateTime(t) : null,
                _ => null,
            },
        };
    }
}
