namespace FhirTrials.Eligibility.Text;

/// <summary>Mapped text with its tokens; the unit the quantity and threshold parsers work on.</summary>
internal sealed class TokenText
{
    private Token[] _tokens;

    public TokenText(string text)
    {
        Text = ScanText.Map(text);
        _tokens = [];
        Count = Tokenizer.Tokenize(Text, ref _tokens);
    }

    public string Text { get; private set; }

    /// <summary>The tokens in [0, <see cref="Count"/>); the buffer may be longer (it is reused by <see cref="Reset"/>).</summary>
    public Token[] Tokens => _tokens;

    public int Count { get; private set; }

    /// <summary>Reads <paramref name="text"/> into this instance, reusing its token buffer (one per item context).</summary>
    public void Reset(string text)
    {
        Text = ScanText.Map(text);
        Count = Tokenizer.Tokenize(Text, ref _tokens);
    }

    /// <summary>Index of the first token starting at or after <paramref name="charPosition"/>.</summary>
    public int IndexAtOrAfter(int charPosition)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < charPosition)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public bool IsWord(int index, string word)
    {
        if ((uint)index >= (uint)Count)
        {
            return false;
        }

        var token = Tokens[index];
        return token.Kind == TokenKind.Word && token.Length == word.Length
            && Text.AsSpan(token.Start, token.Length).Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when token <paramref name="index"/> is one of <paramref name="words"/> (case-insensitive).</summary>
    public bool IsAnyWord(int index, string[] words)
    {
        if ((uint)index >= (uint)Count || Tokens[index].Kind != TokenKind.Word)
        {
            return false;
        }

        var span = Tokens[index].Span(Text);
        foreach (var word in words)
        {
            if (span.Length == word.Length && span.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when token <paramref name="index"/> is a word of <paramref name="words"/> (one hash probe).</summary>
    public bool IsAnyWord(int index, WordTable words) =>
        (uint)index < (uint)Count && Tokens[index].Kind == TokenKind.Word && words.IndexOf(Span(index), Tokens[index].Hash) >= 0;

    public bool IsSymbol(int index, char symbol) =>
        index >= 0 && index < Count && Tokens[index].IsSymbol(Text, symbol);

    public bool IsNumber(int index) => index >= 0 && index < Count && Tokens[index].Kind == TokenKind.Number;

    public ReadOnlySpan<char> Span(int index) => Tokens[index].Span(Text);

    /// <summary>Character offset where token <paramref name="index"/> starts, or the text length past the end.</summary>
    public int StartOf(int index) => index < Count ? Tokens[index].Start : Text.Length;

    /// <summary>Character offset where token <paramref name="index"/> ends.</summary>
    public int EndOf(int index) => Tokens[index].End;
}
