namespace FhirTrials.Eligibility.Text;

/// <summary>
/// A token-level trie of phrases for longest-match lookup. Matching is case-insensitive unless an entry asks for
/// its exact case; hyphens are ignored on both sides ("breast-feeding" = "breast feeding"); a word that does not
/// match may match without a plural "s".
/// </summary>
internal sealed class PhraseTrie<T>
{
    private readonly Node _root = new();

    /// <summary>
    /// One bit per value of the top bits of a mixed <see cref="WordHash"/>, set for each first word of a phrase and
    /// its plural forms (+"s", +"es"): a token whose bit is clear starts no phrase, found with one read.
    /// </summary>
    private readonly ulong[] _firstWords = new ulong[1 << (FirstWordBits - 6)];
    private bool _frozen;

    private const int FirstWordBits = 16;

    public void Add(string phrase, T value, bool caseSensitive = false)
    {
        if (_frozen)
        {
            throw new InvalidOperationException("The phrase trie is frozen.");
        }

        var text = new TokenText(phrase);
        var node = _root;
        var exact = caseSensitive ? new List<string>() : null;
        for (var i = 0; i < text.Count; i++)
        {
            if (IsSkipped(text, i))
            {
                continue;
            }

            var key = text.Span(i).ToString();
            exact?.Add(key);
            if (node == _root)
            {
                var hash = WordHash.Of(key);
                var plural = WordHash.Append(hash, 's');
                MarkFirstWord(hash);
                MarkFirstWord(plural);
                MarkFirstWord(WordHash.Append(WordHash.Append(hash, 'e'), 's'));
            }

            node = node.GetOrAdd(key);
        }

        if (node == _root)
        {
            throw new ArgumentException($"Phrase '{phrase}' has no tokens.", nameof(phrase));
        }

        node.Entries ??= [];
        node.Entries.Add(new PhraseEntry<T>(value, exact?.ToArray()));
    }

    /// <summary>Trims the child tables; call once after the last <see cref="Add"/>.</summary>
    public PhraseTrie<T> Freeze()
    {
        _root.Freeze();
        _frozen = true;
        return this;
    }

    /// <summary>The entries of the longest phrase starting at token <paramref name="start"/>, or null.</summary>
    public List<PhraseEntry<T>>? Match(TokenText t, int start, out int end)
    {
        end = start;
        if ((uint)start >= (uint)t.Count || !MayStartWith(t.Tokens[start].Hash))
        {
            return null;
        }

        List<PhraseEntry<T>>? best = null;
        var node = _root;
        var i = start;
        while (i < t.Count && node.HasChildren)
        {
            if (i > start && IsSkipped(t, i))
            {
                i++;
                continue;
            }

            var next = node.Find(t, i);
            if (next is null)
            {
                break;
            }

            node = next;
            i++;
            if (node.Entries is not null && Accepts(node.Entries, t, start, i))
            {
                best = node.Entries;
                end = i;
            }
        }

        return best;
    }

    private static int FirstWordBit(int hash) => (int)(((uint)hash * 0x9E3779B9u) >> (32 - FirstWordBits));

    private void MarkFirstWord(int hash)
    {
        var bit = FirstWordBit(hash);
        _firstWords[bit >> 6] |= 1UL << bit;
    }

    private bool MayStartWith(int hash)
    {
        var bit = FirstWordBit(hash);
        return (_firstWords[bit >> 6] & (1UL << bit)) != 0;
    }

    private static bool Accepts(List<PhraseEntry<T>> entries, TokenText t, int start, int end)
    {
        foreach (var entry in entries)
        {
            if (entry.ExactTokens is null || MatchesExactly(entry.ExactTokens, t, start, end))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesExactly(string[] exact, TokenText t, int start, int end)
    {
        var k = 0;
        for (var i = start; i < end; i++)
        {
            if (IsSkipped(t, i))
            {
                continue;
            }

            if (k >= exact.Length || !t.Span(i).Equals(exact[k], StringComparison.Ordinal))
            {
                return false;
            }

            k++;
        }

        return k == exact.Length;
    }

    private static bool IsSkipped(TokenText t, int i) => t.Tokens[i].IsSymbol(t.Text, '-');

    private sealed class Node
    {
        private readonly WordTable _keys = new();
        private Node[] _children = [];

        public List<PhraseEntry<T>>? Entries { get; set; }

        public bool HasChildren => _keys.Count > 0;

        public Node GetOrAdd(string key)
        {
            var index = _keys.Add(key);
            if (index == _children.Length)
            {
                Array.Resize(ref _children, Math.Max(2, index * 2));
            }

            return _children[index] ??= new Node();
        }

        public void Freeze()
        {
            Array.Resize(ref _children, _keys.Count);
            foreach (var child in _children)
            {
                child.Freeze();
            }
        }

        /// <summary>The child for token <paramref name="i"/>; a word may also match without a plural "s" or "es".</summary>
        public Node? Find(TokenText t, int i)
        {
            var token = t.Tokens[i];
            var key = t.Span(i);
            var found = _keys.IndexOf(key, token.Hash);
            if (found < 0 && token.Kind == TokenKind.Word && key.Length > 3 && (key[^1] == 's' || key[^1] == 'S'))
            {
                var hash = WordHash.RemoveLast(token.Hash, key[^1]);
                found = _keys.IndexOf(key[..^1], hash);
                if (found < 0 && key.Length > 4 && (key[^2] == 'e' || key[^2] == 'E'))
                {
                    found = _keys.IndexOf(key[..^2], WordHash.RemoveLast(hash, key[^2]));
                }
            }

            return found < 0 ? null : _children[found];
        }
    }
}

/// <summary>A value stored in a <see cref="PhraseTrie{T}"/>; exact tokens are kept for case-sensitive entries.</summary>
internal readonly record struct PhraseEntry<T>(T Value, string[]? ExactTokens);
