namespace FhirTrials.Eligibility.Text;

/// <summary>
/// A token-level trie of phrases for longest-match lookup. Matching is case-insensitive unless an entry asks for
/// its exact case; hyphens are ignored on both sides ("breast-feeding" = "breast feeding"); a word that does not
/// match may match without a plural "s".
/// </summary>
internal sealed class PhraseTrie<T>
{
    private readonly Node _root = new();
    private bool _frozen;

    public void Add(string phrase, T value, bool caseSensitive = false)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("The phrase trie is frozen.");
        }

        var text = ScanText.Map(phrase);
        var node = _root;
        var exact = caseSensitive ? new List<string>() : null;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (IsSkipped(text, token))
            {
                continue;
            }

            var key = token.Span(text).ToString();
            exact?.Add(key);
            node.Children ??= new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
            if (!node.Children.TryGetValue(key, out var child))
            {
                child = new Node();
                node.Children.Add(key, child);
            }

            node = child;
        }

        if (node == _root)
        {
            throw new ArgumentException($"Phrase '{phrase}' has no tokens.", nameof(phrase));
        }

        node.Entries ??= [];
        node.Entries.Add(new PhraseEntry<T>(value, exact?.ToArray()));
    }

    /// <summary>Builds the span lookups; call once after the last <see cref="Add"/>.</summary>
    public PhraseTrie<T> Freeze()
    {
        _root.Freeze();
        _frozen = true;
        return this;
    }

    /// <summary>The entries of the longest phrase starting at token <paramref name="start"/>, or null.</summary>
    public List<PhraseEntry<T>>? Match(string text, ReadOnlySpan<Token> tokens, int start, out int end)
    {
        end = start;
        List<PhraseEntry<T>>? best = null;
        var node = _root;
        var i = start;
        while (i < tokens.Length && node.HasChildren)
        {
            var token = tokens[i];
            if (IsSkipped(text, token) && i > start)
            {
                i++;
                continue;
            }

            var next = node.Find(token.Span(text), token.Kind == TokenKind.Word);
            if (next is null)
            {
                break;
            }

            node = next;
            i++;
            if (node.Entries is not null && Accepts(node.Entries, text, tokens, start, i))
            {
                best = node.Entries;
                end = i;
            }
        }

        return best;
    }

    private static bool Accepts(List<PhraseEntry<T>> entries, string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        foreach (var entry in entries)
        {
            if (entry.ExactTokens is null || MatchesExactly(entry.ExactTokens, text, tokens, start, end))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesExactly(string[] exact, string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        var k = 0;
        for (var i = start; i < end; i++)
        {
            if (IsSkipped(text, tokens[i]))
            {
                continue;
            }

            if (k >= exact.Length || !tokens[i].Span(text).Equals(exact[k], StringComparison.Ordinal))
            {
                return false;
            }

            k++;
        }

        return k == exact.Length;
    }

    private static bool IsSkipped(string text, Token token) => token.IsSymbol(text, '-');

    private sealed class Node
    {
        private Dictionary<string, Node>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public Dictionary<string, Node>? Children { get; set; }

        public List<PhraseEntry<T>>? Entries { get; set; }

        public bool HasChildren => Children is not null;

        public void Freeze()
        {
            if (Children is null)
            {
                return;
            }

            _lookup = Children.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var child in Children.Values)
            {
                child.Freeze();
            }
        }

        public Node? Find(ReadOnlySpan<char> key, bool isWord)
        {
            if (_lookup.TryGetValue(key, out var node))
            {
                return node;
            }

            if (isWord && key.Length > 3 && (key[^1] == 's' || key[^1] == 'S'))
            {
                if (_lookup.TryGetValue(key[..^1], out node))
                {
                    return node;
                }

                if (key.Length > 4 && (key[^2] == 'e' || key[^2] == 'E') && _lookup.TryGetValue(key[..^2], out node))
                {
                    return node;
                }
            }

            return null;
        }
    }
}

/// <summary>A value stored in a <see cref="PhraseTrie{T}"/>; exact tokens are kept for case-sensitive entries.</summary>
internal readonly record struct PhraseEntry<T>(T Value, string[]? ExactTokens);
