namespace FhirTrials.FhirPath.Syntax;

internal enum TokenKind : byte
{
    End,
    Identifier,
    DelimitedIdentifier,
    String,
    Integer,
    Long,
    Decimal,
    Date,
    DateTime,
    Time,
    This,
    Index,
    Total,
    External,
    Dot,
    Comma,
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Plus,
    Minus,
    Star,
    Slash,
    Ampersand,
    Pipe,
    Equal,
    NotEqual,
    Equivalent,
    NotEquivalent,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}

/// <summary>A token: its kind, where it starts, and its text (decoded for strings and delimited identifiers).</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Text)
{
    /// <summary>True for a plain identifier spelled <paramref name="keyword"/> (FHIRPath keywords are case-sensitive).</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.Ordinal);

    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the expression",
        TokenKind.String => $"the string '{Text}'",
        TokenKind.Identifier or TokenKind.DelimitedIdentifier => $"'{Text}'",
        _ => $"'{Text}'",
    };
}
