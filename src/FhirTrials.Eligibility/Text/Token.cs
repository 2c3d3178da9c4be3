namespace FhirTrials.Eligibility.Text;

internal enum TokenKind : byte
{
    Word,
    Number,
    Symbol,
}

/// <summary>
/// A word, a digit run (with inner decimal/thousands separators) or one symbol character, with the
/// <see cref="WordHash"/> of its text.
/// </summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, int Hash)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Span(string text) => text.AsSpan(Start, Length);

    public bool Is(string text, string value) =>
        Span(text).Equals(value, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(string text, char symbol) => Kind == TokenKind.Symbol && text[Start] == symbol;
}
