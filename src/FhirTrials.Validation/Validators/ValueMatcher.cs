using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Validators;

/// <summary>Compares instance values with the fixed and pattern values of profiles.</summary>
internal static class ValueMatcher
{
    /// <summary>
    /// True when <paramref name="instance"/> is exactly <paramref name="fixedValue"/>: the same primitive
    /// value and the same children, none missing and none extra (ids and extensions of the instance aside).
    /// </summary>
    public static bool EqualsFixed(ElementNode instance, ElementNode fixedValue)
    {
        if (!string.Equals(instance.Text, fixedValue.Text, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = 0;
        foreach (var f in fixedValue.Children)
        {
            expected++;
            var match = Nth(instance, f.Name, f.Index);
            if (match is null || !EqualsFixed(match, f))
            {
                return false;
            }
        }

        var actual = 0;
        foreach (var c in instance.Children)
        {
            if (c.Name is "id" or "extension" && fixedValue.Child(c.Name) is null)
            {
                continue;
            }

            actual++;
        }

        return actual == expected;
    }

    /// <summary>True when <paramref name="instance"/> has at least everything <paramref name="pattern"/> has (repeating items: each pattern item matched by some instance item).</summary>
    public static bool MatchesPattern(ElementNode instance, ElementNode pattern)
    {
        if (pattern.Text is not null && !string.Equals(instance.Text, pattern.Text, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var p in pattern.Children)
        {
            var found = false;
            foreach (var c in instance.Children)
            {
                if (string.Equals(c.Name, p.Name, StringComparison.Ordinal) && MatchesPattern(c, p))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short JSON-like rendering of a value for messages: <c>'abc'</c>, or <c>{system: x, code: y}</c>.</summary>
    public static string Describe(ElementNode value)
    {
        if (value.Children.Count == 0)
        {
            return value.Text is null ? "(no value)" : $"'{value.Text}'";
        }

        var parts = new List<string>();
        if (value.Text is not null)
        {
            parts.Add($"value: '{value.Text}'");
        }

        foreach (var child in value.Children)
        {
            parts.Add($"{child.Name}: {(child.Children.Count == 0 ? child.Text : Describe(child))}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    /// <summary>The <paramref name="index"/>-th child named <paramref name="name"/>, or null.</summary>
    public static ElementNode? Nth(ElementNode node, string name, int index)
    {
        var seen = 0;
        foreach (var c in node.Children)
        {
            if (string.Equals(c.Name, name, StringComparison.Ordinal) && seen++ == index)
            {
                return c;
            }
        }

        return null;
    }
}
