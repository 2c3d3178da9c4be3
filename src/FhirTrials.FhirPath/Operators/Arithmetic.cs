using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Syntax;
using FhirTrials.FhirPath.Ucum;

namespace FhirTrials.FhirPath.Operators;

/// <summary>
/// <c>+ - * / div mod</c> on numbers, quantities, strings (<c>+</c>) and dates/times plus or minus a
/// duration. Division by zero and integer overflow give empty; operand types that do not fit are errors.
/// </summary>
internal static class Arithmetic
{
    public static FhirPathItem? Apply(BinaryOperator op, in Scalar a, in Scalar b, int position)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        if (a.IsNumber && b.IsNumber)
        {
            return Numbers(op, a, b);
        }

        switch (op)
        {
            case BinaryOperator.Add when a.Kind == FhirPathItemKind.String && b.Kind == FhirPathItemKind.String:
                return FhirPathItem.FromString(a.String + b.String);
            case BinaryOperator.Add or BinaryOperator.Subtract when a.DateTime is { } dt && b.Kind == FhirPathItemKind.Quantity:
                return AddDuration(dt, b.Quantity!, op == BinaryOperator.Subtract, position);
            case BinaryOperator.Add or BinaryOperator.Subtract when a.Kind == FhirPathItemKind.Quantity && b.Kind == FhirPathItemKind.Quantity:
                return Wrap(QuantityMath.Add(a.Quantity!, b.Quantity!, op == BinaryOperator.Subtract));
            case BinaryOperator.Multiply or BinaryOperator.Divide when a.Kind == FhirPathItemKind.Quantity && (b.Kind == FhirPathItemKind.Quantity || b.IsNumber):
                return Wrap(QuantityMath.Multiply(a.Quantity!, AsQuantity(b), op == BinaryOperator.Divide));
            case BinaryOperator.Multiply when a.IsNumber && b.Kind == FhirPathItemKind.Quantity:
                return Wrap(QuantityMath.Multiply(AsQuantity(a), b.Quantity!, divide: false));
        }

        throw new FhirPathEvaluationException($"cannot apply '{Symbol(op)}' to {Comparison.Describe(a)} and {Comparison.Describe(b)}", position);
    }

    /// <summary>Unary minus on a number or quantity.</summary>
    public static FhirPathItem? Negate(in Scalar a, int position)
    {
        if (!a.HasValue)
        {
            return null;
        }

        return a.Kind switch
        {
            FhirPathItemKind.Integer => a.Integer == int.MinValue ? null : FhirPathItem.FromInteger(-(int)a.Integer),
            FhirPathItemKind.Long => a.Integer == long.MinValue ? null : FhirPathItem.FromLong(-a.Integer),
            FhirPathItemKind.Decimal => FhirPathItem.FromDecimal(a.Decimal == 0 ? a.Decimal : -a.Decimal),
            FhirPathItemKind.Quantity => FhirPathItem.FromQuantity(a.Quantity!.WithValue(-a.Quantity!.Value)),
            _ => throw new FhirPathEvaluationException($"cannot negate {Comparison.Describe(a)}", position),
        };
    }

    private static FhirPathItem? Numbers(BinaryOperator op, in Scalar a, in Scalar b)
    {
        var integers = a.Kind != FhirPathItemKind.Decimal && b.Kind != FhirPathItemKind.Decimal;
        if (integers && op != BinaryOperator.Divide)
        {
            if (IntegerResult(op, a.Integer, b.Integer) is not { } r)
            {
                return null;
            }

            if (a.Kind == FhirPathItemKind.Long || b.Kind == FhirPathItemKind.Long)
            {
                return FhirPathItem.FromLong(r);
            }

            return r is >= int.MinValue and <= int.MaxValue ? FhirPathItem.FromInteger((int)r) : null;
        }

        var x = a.Number;
        var y = b.Number;
        try
        {
            return op switch
            {
                BinaryOperator.Add => FhirPathItem.FromDecimal(x + y),
                BinaryOperator.Subtract => FhirPathItem.FromDecimal(x - y),
                BinaryOperator.Multiply => FhirPathItem.FromDecimal(x * y),
                BinaryOperator.Divide => y == 0 ? null : FhirPathItem.FromDecimal(x / y),
                BinaryOperator.Div => y == 0 ? null : FhirPathItem.FromDecimal(decimal.Truncate(x / y)),
                _ => y == 0 ? null : FhirPathItem.FromDecimal(x % y),
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long? IntegerResult(BinaryOperator op, long x, long y)
    {
        try
        {
            return op switch
            {
                BinaryOperator.Add => checked(x + y),
                BinaryOperator.Subtract => checked(x - y),
                BinaryOperator.Multiply => checked(x * y),
                BinaryOperator.Div => y == 0 ? null : x / y,
                _ => y == 0 ? null : x % y,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static FhirPathItem? AddDuration(FhirPathDateTime value, FhirPathQuantity duration, bool subtract, int position)
    {
        var unit = duration.CalendarUnit ?? (duration.UnitIsKeyword ? null : CalendarUnits.FromUcumForArithmetic(duration.Unit));
        if (unit is null)
        {
            throw new FhirPathEvaluationException(
                $"cannot add {duration} to a date/time: the unit must be a calendar duration (year, month, week, day, hour, minute, second, millisecond) or one of the UCUM units wk, d, h, min, s, ms",
                position);
        }

        var result = value.Add(subtract ? -duration.Value : duration.Value, unit.Value);
        return result is null ? null : FhirPathItem.FromDateTime(result);
    }

    private static FhirPathQuantity AsQuantity(in Scalar s) => s.Kind == FhirPathItemKind.Quantity ? s.Quantity! : new FhirPathQuantity(s.Number);

    private static FhirPathItem? Wrap(FhirPathQuantity? q) => q is null ? null : FhirPathItem.FromQuantity(q);

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Div => "div",
        BinaryOperator.Mod => "mod",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Concatenate => "&",
        _ => op.ToString(),
    };
}
