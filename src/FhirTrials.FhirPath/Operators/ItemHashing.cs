using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Operators;

/// <summary>Hash codes consistent with <see cref="Equality.Equal(in FhirPathItem, in FhirPathItem)"/> (equal items hash alike).</summary>
internal static class ItemHashing
{
    public static int Hash(in FhirPathItem item)
    {
        if (item.Node is { } node && node.Type is { IsPrimitive: false })
        {
            return StringComparer.Ordinal.GetHashCode(node.TypeName);
        }

        var s = Scalar.From(item);
        if (!s.HasValue)
        {
            return 1;
        }

        return s.Kind switch
        {
            FhirPathItemKind.String => StringComparer.Ordinal.GetHashCode(s.String!),
            FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => s.Number.GetHashCode(),
            FhirPathItemKind.Boolean => (int)s.Integer + 2,
            FhirPathItemKind.Node => StringComparer.Ordinal.GetHashCode(s.Node!.TypeName),
            _ => 3,
        };
    }
}
