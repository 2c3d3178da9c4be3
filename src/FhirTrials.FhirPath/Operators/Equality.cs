using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Evaluation;
using FhirTrials.FhirPath.Ucum;
using FhirTrials.FhirPath.Values;

namespace FhirTrials.FhirPath.Operators;

/// <summary>
/// Equality (<c>=</c>) and equivalence (<c>~</c>) of items and collections. Equality is exact (strings
/// case-sensitive, dates at equal precision, else empty); equivalence is lenient (strings ignore case
/// and extra whitespace, decimals compare at the lesser precision, collections ignore order).
/// </summary>
internal static class Equality
{
    /// <summary>Item equality; null when it cannot be decided (dates at different precisions, incomparable units, valueless primitives).</summary>
    public static bool? Equal(in FhirPathItem a, in FhirPathItem b)
    {
        if (a.IsNode && b.IsNode && ReferenceEquals(a.Node, b.Node))
        {
            return true;
        }

        return Equal(Scalar.From(a), Scalar.From(b));
    }

    public static bool? Equal(in Scalar a, in Scalar b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return null;
        }

        if (a.Kind == FhirPathItemKind.Node || b.Kind == FhirPathItemKind.Node)
        {
            return a.Kind == b.Kind && NodesEqual(a.Node!, b.Node!, equivalence: false);
        }

        if (a.IsNumber && b.IsNumber)
        {
            return a.Number == b.Number;
        }

        return a.Kind switch
        {
            FhirPathItemKind.String => b.Kind == FhirPathItemKind.String && string.Equals(a.String, b.String, StringComparison.Ordinal),
            FhirPathItemKind.Boolean => b.Kind == FhirPathItemKind.Boolean && a.Integer == b.Integer,
            FhirPathItemKind.Date or FhirPathItemKind.DateTime => b.Kind is FhirPathItemKind.Date or FhirPathItemKind.DateTime ? TemporalEqual(a.DateTime!, b.DateTime!) : false,
            FhirPathItemKind.Time => b.Kind == FhirPathItemKind.Time ? TemporalEqual(a.DateTime!, b.DateTime!) : false,
            FhirPathItemKind.Quantity => b.Kind == FhirPathItemKind.Quantity ? QuantityMath.Compare(a.Quantity!, b.Quantity!) is { } c ? c == 0 : null : false,
            FhirPathItemKind.TypeInfo => b.Kind == FhirPathItemKind.TypeInfo && Equals(a.Object, b.Object),
            _ => false,
        };
    }

    public static bool Equivalent(in FhirPathItem a, in FhirPathItem b)
    {
        if (a.IsNode && b.IsNode && ReferenceEquals(a.Node, b.Node))
        {
            return true;
        }

        return Equivalent(Scalar.From(a), Scalar.From(b));
    }

    public static bool Equivalent(in Scalar a, in Scalar b)
    {
        if (!a.HasValue || !b.HasValue)
        {
            return a.HasValue == b.HasValue;
        }

        if (a.Kind == FhirPathItemKind.Node || b.Kind == FhirPathItemKind.Node)
        {
            return a.Kind == b.Kind && NodesEqual(a.Node!, b.Node!, equivalence: true);
        }

        if (a.IsNumber && b.IsNumber)
        {
            return DecimalMath.Equivalent(a.Number, b.Number);
        }

        return a.Kind switch
        {
            FhirPathItemKind.String => b.Kind == FhirPathItemKind.String && StringsEquivalent(a.String!, b.String!),
            FhirPathItemKind.Boolean => b.Kind == FhirPathItemKind.Boolean && a.Integer == b.Integer,
            FhirPathItemKind.Date or FhirPathItemKind.DateTime or FhirPathItemKind.Time =>
                b.Kind == a.Kind && FhirPathDateTime.Equivalent(a.DateTime!, b.DateTime!),
            FhirPathItemKind.Quantity => b.Kind == FhirPathItemKind.Quantity && QuantityMath.Equivalent(a.Quantity!, b.Quantity!),
            FhirPathItemKind.TypeInfo => b.Kind == FhirPathItemKind.TypeInfo && Equals(a.Object, b.Object),
            _ => false,
        };
    }

    /// <summary>Collection equality: empty if either side is empty, false on different counts, else item by item in order.</summary>
    public static bool? CollectionsEqual(ItemList a, ItemList b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return null;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        var undecided = false;
        for (var i = 0; i < a.Count; i++)
        {
            switch (Equal(a[i], b[i]))
            {
                case false:
                    return false;
                case null:
                    undecided = true;
                    break;
            }
        }

        return undecided ? null : true;
    }

    /// <summary>Collection equivalence: both empty is true; otherwise same size and every item has an equivalent partner, in any order.</summary>
    public static bool CollectionsEquivalent(ItemList a, ItemList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        Span<bool> used = a.Count <= 64 ? stackalloc bool[a.Count] : new bool[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            var found = false;
            for (var j = 0; j < b.Count && !found; j++)
            {
                if (!used[j] && Equivalent(a[i], b[j]))
                {
                    used[j] = found = true;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Strings are equivalent ignoring case, leading/trailing whitespace and runs of whitespace.</summary>
    public static bool StringsEquivalent(string a, string b) =>
        string.Equals(NormalizeWhitespace(a), NormalizeWhitespace(b), StringComparison.OrdinalIgnoreCase);

    private static bool? TemporalEqual(FhirPathDateTime a, FhirPathDateTime b) => FhirPathDateTime.Compare(a, b) switch
    {
        TemporalOrder.Equal => true,
        TemporalOrder.Unknown => null,
        _ => false,
    };

    private static string NormalizeWhitespace(string s)
    {
        var trimmed = s.AsSpan().Trim();
        if (trimmed.IndexOfAny(" \t\r\n") < 0)
        {
            return trimmed.Length == s.Length ? s : trimmed.ToString();
        }

        var sb = new System.Text.StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Complex values are equal when they have the same type and pairwise equal children (by name, in order).</summary>
    private static bool NodesEqual(ElementNode a, ElementNode b, bool equivalence)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (!string.Equals(a.TypeName, b.TypeName, StringComparison.Ordinal))
        {
            return false;
        }

        return ChildrenEqual(a, b, equivalence);
    }

    /// <summary>Children compared pairwise; used for complex nodes and for a primitive's extensions.</summary>
    internal static bool ChildrenEqual(ElementNode a, ElementNode b, bool equivalence)
    {
        var ca = a.Children;
        var cb = b.Children;
        if (ca.Count != cb.Count)
        {
            return false;
        }

        for (var i = 0; i < ca.Count; i++)
        {
            var x = ca[i];
            var y = string.Equals(x.Name, cb[i].Name, StringComparison.Ordinal) ? cb[i] : Counterpart(x, a, b);
            if (y is null || !ChildEqual(x, y, equivalence))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ChildEqual(ElementNode x, ElementNode y, bool equivalence)
    {
        if (x.IsPrimitive || y.IsPrimitive || (x.Type is null && x.Text is not null))
        {
            var sx = Scalar.FromNode(x);
            var sy = Scalar.FromNode(y);
            var same = equivalence ? Equivalent(sx, sy) : Equal(sx, sy) ?? (!sx.HasValue && !sy.HasValue);
            return same && ChildrenEqual(x, y, equivalence);
        }

        return NodesEqual(x, y, equivalence);
    }

    /// <summary>The child of <paramref name="b"/> at the same position among same-named children as <paramref name="x"/> in <paramref name="a"/>.</summary>
    private static ElementNode? Counterpart(ElementNode x, ElementNode a, ElementNode b)
    {
        var occurrence = 0;
        foreach (var c in a.Children)
        {
            if (ReferenceEquals(c, x))
            {
                break;
            }

            if (string.Equals(c.Name, x.Name, StringComparison.Ordinal))
            {
                occurrence++;
            }
        }

        foreach (var c in b.Children)
        {
            if (string.Equals(c.Name, x.Name, StringComparison.Ordinal) && occurrence-- == 0)
            {
                return c;
            }
        }

        return null;
    }
}
