using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Ucum;

namespace FhirTrials.FhirPath.Operators;

/// <summary>Ordering (<c>&lt; &lt;= &gt; &gt;=</c>, <c>sort()</c>) of numbers, strings, dates, times and quantities.</summary>
internal static class Comparison
{
    /// <summary>
    /// Orders two values: negative, zero or positive; null when the order is unknown (dates at
    /// different precisions, incomparable units). Throws for types that cannot be ordered against each other.
    /// </summary>
    public static int? Compare(in Scalar a, in Scalar b, int position)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        if (a.IsNumber && b.IsNumber)
        {
            return a.Number.CompareTo(b.Number);
        }

        switch (a.Kind)
        {
            case FhirPathItemKind.String when b.Kind == FhirPathItemKind.String:
                return Math.Sign(string.CompareOrdinal(a.String, b.String));
            case FhirPathItemKind.Date or FhirPathItemKind.DateTime when b.Kind is FhirPathItemKind.Date or FhirPathItemKind.DateTime:
            case FhirPathItemKind.Time when b.Kind == FhirPathItemKind.Time:
                var order = FhirPathDateTime.Compare(a.DateTime!, b.DateTime!);
                return order == TemporalOrder.Unknown ? null : (int)order;
            case FhirPathItemKind.Quantity when b.Kind == FhirPathItemKind.Quantity:
                return QuantityMath.Compare(a.Quantity!, b.Quantity!);
        }

        throw new FhirPathEvaluationException($"cannot compare {Describe(a)} with {Describe(b)}", position);
    }

    /// <summary>The type of a value for error messages.</summary>
    public static string Describe(in Scalar s) => s.Kind switch
    {
        FhirPathItemKind.Node => s.Node!.TypeName,
        _ => s.Kind.ToString(),
    };
}
