using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Values;

namespace FhirTrials.FhirPath.Functions;

/// <summary>Math: <c>abs ceiling exp floor ln log power round sqrt truncate</c>. Undefined results (<c>sqrt(-1)</c>) are empty.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionTable table)
    {
        table.Add(new("abs", 0, 0, Abs, ResultType.Input));
        table.Add(new("ceiling", 0, 0, static (in Call c) => ToInteger(c, decimal.Ceiling), ResultType.Integer));
        table.Add(new("floor", 0, 0, static (in Call c) => ToInteger(c, decimal.Floor), ResultType.Integer));
        table.Add(new("truncate", 0, 0, static (in Call c) => ToInteger(c, decimal.Truncate), ResultType.Integer));
        table.Add(new("exp", 0, 0, static (in Call c) => ViaDouble(c, Math.Exp), ResultType.Decimal));
        table.Add(new("ln", 0, 0, static (in Call c) => ViaDouble(c, Math.Log), ResultType.Decimal));
        table.Add(new("sqrt", 0, 0, static (in Call c) => ViaDouble(c, Math.Sqrt), ResultType.Decimal));
        table.Add(new("log", 1, 1, Log, ResultType.Decimal));
        table.Add(new("power", 1, 1, Power, ResultType.Any));
        table.Add(new("round", 0, 1, Round, ResultType.Decimal));
    }

    /// <summary>The single numeric input; null when empty; an error for non-numbers.</summary>
    private static Scalar? Number(in Call c, bool allowQuantity = false)
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

        return s.IsNumber || (allowQuantity && s.Kind == FhirPathItemKind.Quantity) ? s : throw c.Error($"expects a number, found {Operators.Comparison.Describe(s)}");
    }

    private static void Abs(in Call c)
    {
        if (Number(c, allowQuantity: true) is not { } s)
        {
            return;
        }

        c.Add(s.Kind switch
        {
            FhirPathItemKind.Integer => FhirPathItem.FromInteger((int)Math.Abs(s.Integer)),
            FhirPathItemKind.Long => FhirPathItem.FromLong(Math.Abs(s.Integer)),
            FhirPathItemKind.Quantity => FhirPathItem.FromQuantity(s.Quantity!.WithValue(Math.Abs(s.Quantity.Value))),
            _ => FhirPathItem.FromDecimal(Math.Abs(s.Decimal)),
        });
    }

    private static void ToInteger(in Call c, Func<decimal, decimal> f)
    {
        if (Number(c) is not { } s)
        {
            return;
        }

        var value = f(s.Number);
        c.Add(value is >= int.MinValue and <= int.MaxValue ? FhirPathItem.FromInteger((int)value) : FhirPathItem.FromDecimal(value));
    }

    private static void ViaDouble(in Call c, Func<double, double> f)
    {
        if (Number(c) is { } s && DecimalMath.FromDouble(f((double)s.Number)) is { } value)
        {
            c.Add(FhirPathItem.FromDecimal(value));
        }
    }

    private static void Log(in Call c)
    {
        if (Number(c) is { } s && c.SingleArgument(0) is { IsNumber: true } b
            && DecimalMath.FromDouble(Math.Log((double)s.Number, (double)b.Number)) is { } value)
        {
            c.Add(FhirPathItem.FromDecimal(value));
        }
    }

    private static void Power(in Call c)
    {
        if (Number(c) is not { } s || c.SingleArgument(0) is not { IsNumber: true } e)
        {
            return;
        }

        if (s.Kind == FhirPathItemKind.Integer && e.Kind == FhirPathItemKind.Integer && e.Integer >= 0)
        {
            var result = Math.Pow(s.Integer, e.Integer);
            if (result is >= int.MinValue and <= int.MaxValue)
            {
                c.Add(FhirPathItem.FromInteger((int)result));
            }

            return;
        }

        if (DecimalMath.FromDouble(Math.Pow((double)s.Number, (double)e.Number)) is { } value)
        {
            c.Add(FhirPathItem.FromDecimal(value));
        }
    }

    private static void Round(in Call c)
    {
        if (Number(c) is not { } s)
        {
            return;
        }

        var digits = c.ArgumentCount == 1 ? c.IntegerArgument(0) ?? 0 : 0;
        if (digits is < 0 or > 28)
        {
            throw c.Error($"the precision must be between 0 and 28, found {digits}");
        }

        c.Add(FhirPathItem.FromDecimal(decimal.Round(s.Number, (int)digits, MidpointRounding.AwayFromZero)));
    }
}
