using System.Globalization;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Values;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Conversion: <c>iif</c>, and <c>toX()</c>/<c>convertsToX()</c> for Boolean, Integer, Long, Decimal, String, Date, DateTime, Time and Quantity.</summary>
internal static class ConversionFunctions
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

    private static FhirPathItem? ToBoolean(in Scalar s) => s.Kind switch
    {
        FhirPathItemKind.Boolean => FhirPathItem.FromBoolean(s.Integer != 0),
        FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => s.Number switch
        {
            1m => FhirPathItem.True,
            0m => FhirPathItem.False,
            _ => null,
        },
        FhirPathItemKind.String => s.String!.ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "1" or "1.0" => FhirPathItem.True,
            "false" or "f" or "no" or "n" or "0" or "0.0" => FhirPathItem.False,
            _ => null,
        },
        _ => null,
    };

    private static long? ToInteger(in Scalar s) => s.Kind switch
    {
        FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Boolean => s.Integer,
        FhirPathItemKind.String when IsInteger(s.String!) && long.TryParse(s.String, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    private static decimal? ToDecimal(in Scalar s) => s.Kind switch
    {
        FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => s.Number,
        FhirPathItemKind.Boolean => s.Integer != 0 ? 1.0m : 0.0m,
        FhirPathItemKind.String when IsDecimal(s.String!) && decimal.TryParse(s.String, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>The string form of a value (<c>toString()</c>); null for complex nodes.</summary>
    internal static string? ToText(in Scalar s) => s.Kind switch
    {
        FhirPathItemKind.String => s.String,
        FhirPathItemKind.Boolean => s.Integer != 0 ? "true" : "false",
        FhirPathItemKind.Integer or FhirPathItemKind.Long => s.Integer.ToString(CultureInfo.InvariantCulture),
        FhirPathItemKind.Decimal => DecimalMath.Format(s.Decimal),
        FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time or FhirPathItemKind.Quantity => s.Object!.ToString(),
        _ => null,
    };

    private static FhirPathItem? ToDate(in Scalar s)
    {
        FhirPathDateTime? value = s.Kind switch
        {
            FhirPathItemKind.Date => s.DateTime,
            FhirPathItemKind.DateTime => s.DateTime!.Boundary(Math.Min(s.DateTime.PrecisionDigits, 8), high: false),
            FhirPathItemKind.String => FhirPathDateTime.ParseDate(s.String),
            _ => null,
        };
        return value is null ? null : FhirPathItem.FromDateTime(value);
    }

    private static FhirPathItem? ToDateTime(in Scalar s)
    {
        var value = s.Kind switch
        {
            FhirPathItemKind.DateTime => s.DateTime,
            FhirPathItemKind.Date => FhirPathDateTime.ParseDateTime(s.DateTime!.ToString()),
            FhirPathItemKind.String => FhirPathDateTime.ParseDateTime(s.String),
            _ => null,
        };
        return value is null ? null : FhirPathItem.FromDateTime(value);
    }

    private static FhirPathItem? ToQuantity(in Call c)
    {
        if (!c.TrySingleInput(out var item))
        {
            return null;
        }

        var s = Scalar.From(item);
        FhirPathQuantity? quantity = !s.HasValue ? null : s.Kind switch
        {
            FhirPathItemKind.Quantity => s.Quantity,
            FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => new FhirPathQuantity(s.Number),
            FhirPathItemKind.Boolean => new FhirPathQuantity(s.Integer != 0 ? 1.0m : 0.0m),
            FhirPathItemKind.String => QuantityText.Parse(s.String!),
            _ => null,
        };
        if (quantity is not null && c.ArgumentCount == 1 && c.StringArgument(0) is { } unit)
        {
            quantity = Ucum.QuantityMath.ConvertTo(quantity, unit);
        }

        return quantity is null ? null : FhirPathItem.FromQuantity(quantity);
    }

    private static bool IsInteger(string s)
    {
        var span = s.AsSpan();
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            span = span[1..];
        }

        return span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsDecimal(string s)
    {
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? IsInteger(s) : IsInteger(s[..dot]) && s.Length > dot + 1 && !s.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9');
    }
}
