namespace FhirTrials.Eligibility.Text;

/// <summary>
/// A set of words (case-insensitive, ordinal) numbered in the order they were added, found by the
/// <see cref="WordHash"/> each token carries: one probe of an open-addressing table, a string compare only when
/// the hashes agree, against the word stored with its ASCII letters in lower case.
/// </summary>
internal sealed class WordTable
{
    private string[] _words = [];
    private int[] _hashes = [];
    private Slot[] _slots = new Slot[4];
    private int _shift = 30;

    public WordTable()
    {
    }

    public WordTable(IEnumerable<string> words)
    {
        foreach (var word in words)
        {
            Add(word);
        }
    }

    public int Count { get; private set; }

    /// <summary>Adds <paramref name="word"/> if absent; returns its number either way.</summary>
    public int Add(string word)
    {
        var hash = WordHash.Of(word);
        var found = IndexOf(word, hash);
        if (found >= 0)
        {
            return found;
        }

        if (Count == _words.Length)
        {
            Array.Resize(ref _words, Math.Max(2, Count * 2));
            Array.Resize(ref _hashes, _words.Length);
        }

        _words[Count] = FoldAscii(word);
        _hashes[Count] = hash;
        Count++;
        if (Count * 4 > _slots.Length)
        {
            _slots = new Slot[_slots.Length * 2];
            _shift--;
            for (var i = 0; i < Count; i++)
            {
                Place(i);
            }
        }
        else
        {
            Place(Count - 1);
        }

        return Count - 1;
    }

    /// <summary>The number of <paramref name="word"/> (whose <see cref="WordHash"/> is <paramref name="hash"/>), or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> word, int hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = Home(hash, _shift); ; slot = (slot + 1) & mask)
        {
            var (slotHash, entry) = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (slotHash == hash && EqualsFolded(word, _words[entry - 1]))
            {
                return entry - 1;
            }
        }
    }

    /// <summary>True when token <paramref name="index"/> of <paramref name="t"/> is one of the words.</summary>
    public bool Contains(TokenText t, int index) =>
        (uint)index < (uint)t.Count && IndexOf(t.Span(index), t.Tokens[index].Hash) >= 0;

    /// <summary>
    /// Case-insensitive (ordinal) equality with a word whose ASCII letters are lower case: an inline loop for ASCII,
    /// the framework's comparison once a non-ASCII character appears.
    /// </summary>
    private static bool EqualsFolded(ReadOnlySpan<char> word, string folded)
    {
        if (word.Length != folded.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c >= 0x80)
            {
                return word.Equals(folded, StringComparison.OrdinalIgnoreCase);
            }

            if ((char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string FoldAscii(string word) =>
        word.AsSpan().ContainsAnyInRange('A', 'Z')
            ? string.Create(word.Length, word, static (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
                }
            })
            : word;

    /// <summary>Fibonacci hashing: the top bits of the hash times 2^32 / golden ratio.</summary>
    private static int Home(int hash, int shift) => (int)(((uint)hash * 0x9E3779B9u) >> shift);

    private void Place(int entry)
    {
        var mask = _slots.Length - 1;
        var slot = Home(_hashes[entry], _shift);
        while (_slots[slot].Entry != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = new Slot(_hashes[entry], entry + 1);
    }

    /// <summary>A table slot: the hash next to the word number + 1 (0 = empty), so a miss reads one cache line.</summary>
    private readonly record struct Slot(int Hash, int Entry);
}
