using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Values;

namespace FhirTrials.FhirPath.Functions;

/// <summary>
/// Precision functions (FHIRPath 2.1, used by R5-style invariants): <c>lowBoundary highBoundary precision comparable</c>.
/// A decimal <c>1.587</c> stands for [1.5865, 1.5875); dates for the earliest/latest instant they cover.
/// </summary>
internal static class BoundaryFunctions
{
    private const int DefaultDigits = 8;

    public static void Register(FunctionTable table)
    {
        table.Add(new("lowBoundary", 0, 1, static (in Call c) => Boundary(c, high: false), ResultType.Input));
        table.Add(new("highBoundary", 0, 1, static (in Call c) => Boundary(c, high: true), ResultType.Input));
        table.Add(new("precision", 0, 0, Precision, ResultType.Integer));
        table.Add(new("comparable", 1, 1, Comparable, ResultType.Boolean));
    }

    private static void Boundary(in Call c, bool high)
    {
        if (!c.TrySingleInput(out var item))
        {
            return;
        }

        var s = Scalar.From(item);
        var digits = c.ArgumentCount == 1 ? c.IntegerArgument(0) : null;
        if (!s.HasValue || digits is < 0 or > 28)
        {
            return;
        }

        FhirPathItem? result = s.Kind switch
        {
            FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal =>
                Decimal(s.Number, (int)(digits ?? DefaultDigits), high) is { } d ? FhirPathItem.FromDecimal(d) : null,
            FhirPathItemKind.Quantity =>
                Decimal(s.Quantity!.Value, (int)(digits ?? DefaultDigits), high) is { } q ? FhirPathItem.FromQuantity(s.Quantity.WithValue(q)) : null,
            FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time =>
                s.DateTime!.Boundary((int?)digits, high) is { } dt ? FhirPathItem.FromDateTime(dt) : null,
            _ => throw c.Error($"expects a number, quantity, date or time, found {Operators.Comparison.Describe(s)}"),
        };
        if (result is { } r)
        {
            c.Add(r);
        }
    }

    /// <summary>
    /// The boundary of the interval a decimal stands for, stated to <paramref name="digits"/> places:
    /// the low end is cut towards zero, the high end rounded; negative values mirror positive ones.
    /// </summary>
    internal static decimal? Decimal(decimal value, int digits, bool high)
    {
        if (value < 0)
        {
            return Decimal(-value, digits, !high) is { } mirrored ? -mirrored : null;
        }

        var half = 0.5m / Pow10(value.Scale);
        var bound = high ? value + half : value - half;
        var cut = decimal.Round(bound, digits, high ? MidpointRounding.AwayFromZero : MidpointRounding.ToZero);
        return DecimalMath.WithScale(cut, digits);
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }

    private static void Precision(in Call c)
    {
        if (!c.TrySingleInput(out var item))
        {
            return;
        }

        var s = Scalar.From(item);
        if (!s.HasValue)
        {
            return;
        }

        c.Add(s.Kind switch
        {
            FhirPathItemKind.Decimal => s.Decimal.Scale,
            FhirPathItemKind.Integer or FhirPathItemKind.Long => 0,
            FhirPathItemKind.Quantity => s.Quantity!.Value.Scale,
            FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time => s.DateTime!.PrecisionDigits,
            _ => throw c.Error($"expects a number, quantity, date or time, found {Operators.Comparison.Describe(s)}"),
        });
    }

    private static void Comparable(in Call c)
    {
        if (!c.TrySingleInput(out var item) || c.SingleArgument(0) is not { } other)
        {
            return;
        }

        var s = Scalar.From(item);
        if (s.Kind != FhirPathItemKind.Quantity || other.Kind != FhirPathItemKind.Quantity)
        {
            throw c.Error("compares the units of two quantities");
        }

        c.Add(Ucum.QuantityMath.Comparable(s.Quantity!, other.Quantity!));
    }
}
