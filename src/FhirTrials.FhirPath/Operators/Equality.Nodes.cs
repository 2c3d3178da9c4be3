using FhirTrials.Fhir.ElementModel;
using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Operators;

internal static partial class Equality
{
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
