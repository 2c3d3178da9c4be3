namespace FhirTrials.Eligibility.Terminology;

/// <summary>
/// Character-level longest match of unit spellings (units.json). Matching ignores case and spaces inside the unit
/// ("mm Hg", "/ mm3"), except for case-sensitive spellings such as "G/L"; a unit must end at a word boundary.
/// </summary>
internal sealed class UnitTable
{
    private readonly Node _root = new();

    public void Add(string spelling, UnitDefinition unit, bool caseSensitive)
    {
        var node = _root;
        var exact = new System.Text.StringBuilder();
        foreach (var raw in spelling)
        {
            if (raw == ' ')
            {
                continue;
            }

            var c = Text.ScanText.MapChar(raw);
            exact.Append(c);
            node = node.GetOrAdd(char.ToLowerInvariant(c));
        }

        node.Entries ??= [];
        node.Entries.Add(new Entry(unit, caseSensitive ? exact.ToString() : null));
    }

    /// <summary>The longest unit starting at <paramref name="start"/> of the mapped text, or null.</summary>
    public UnitDefinition? Match(string text, int start, out int end)
    {
        end = start;
        UnitDefinition? best = null;
        var node = _root;
        var i = start;
        Span<char> matched = stackalloc char[48];
        var length = 0;
        while (i < text.Length && node.HasChildren)
        {
            var c = text[i];
            if (c == ' ')
            {
                var j = i;
                while (j < text.Length && text[j] == ' ')
                {
                    j++;
                }

                if (j >= text.Length || node.Find(char.ToLowerInvariant(text[j])) is null || length == 0)
                {
                    break;
                }

                i = j;
                continue;
            }

            if (node.Find(char.ToLowerInvariant(c)) is not { } next || length >= matched.Length)
            {
                break;
            }

            matched[length++] = c;
            node = next;
            i++;
            if (node.Entries is not null && IsBoundary(text, i))
            {
                var unit = Pick(node.Entries, matched[..length]);
                if (unit is not null)
                {
                    best = unit;
                    end = i;
                }
            }
        }

        return best;
    }

    private static UnitDefinition? Pick(List<Entry> entries, ReadOnlySpan<char> matched)
    {
        UnitDefinition? fallback = null;
        foreach (var entry in entries)
        {
            if (entry.Exact is null)
            {
                fallback ??= entry.Unit;
            }
            else if (matched.Equals(entry.Exact, StringComparison.Ordinal))
            {
                return entry.Unit;
            }
        }

        return fallback;
    }

    private static bool IsBoundary(string text, int i)
    {
        if (i >= text.Length)
        {
            return true;
        }

        var next = text[i];
        return !char.IsLetterOrDigit(next) || !char.IsLetterOrDigit(text[i - 1]);
    }

    /// <summary>A trie node; its few children are found by a vectorised search of their characters.</summary>
    private sealed class Node
    {
        private char[] _keys = [];
        private Node[] _children = [];

        public bool HasChildren => _keys.Length > 0;

        public List<Entry>? Entries { get; set; }

        public Node? Find(char key)
        {
            var index = _keys.AsSpan().IndexOf(key);
            return index < 0 ? null : _children[index];
        }

        public Node GetOrAdd(char key)
        {
            if (Find(key) is { } existing)
            {
                return existing;
            }

            var child = new Node();
            _keys = [.. _keys, key];
            _children = [.. _children, child];
            return child;
        }
    }

    private sealed record Entry(UnitDefinition Unit, string? Exact);
}
