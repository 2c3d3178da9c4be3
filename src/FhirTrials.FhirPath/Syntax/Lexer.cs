namespace FhirTrials.FhirPath.Syntax;

/// <summary>Splits a FHIRPath expression into tokens, skipping whitespace and <c>//</c> and <c>/* */</c> comments.</summary>
internal sealed partial class Lexer
{
    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _pos;

    private Lexer(string text) => _text = text;

    /// <summary>All tokens of <paramref name="text"/>, ending with <see cref="TokenKind.End"/>.</summary>
    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (_pos >= _text.Length)
            {
                _tokens.Add(new Token(TokenKind.End, _text.Length, string.Empty));
                return;
            }

            _tokens.Add(Next());
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c))
            {
                _pos++;
            }
            else if (c == '/' && Peek(1) == '/')
            {
                var end = _text.IndexOf('\n', _pos);
                _pos = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var end = _text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FhirPathSyntaxException("unterminated comment: '/*' has no closing '*/'", _pos);
                }

                _pos = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private Token Next()
    {
        var start = _pos;
        var c = _text[_pos];
        if (char.IsAsciiLetter(c) || c == '_')
        {
            return Identifier(start);
        }

        if (char.IsAsciiDigit(c))
        {
            return Number(start);
        }

        switch (c)
        {
            case '\'':
                return new Token(TokenKind.String, start, Quoted('\''));
            case '`':
                return new Token(TokenKind.DelimitedIdentifier, start, Quoted('`'));
            case '@':
                return DateTimeLiteral(start);
            case '$':
                return Variable(start);
            case '%':
                return External(start);
        }

        var (kind, length) = c switch
        {
            '.' => (TokenKind.Dot, 1),
            ',' => (TokenKind.Comma, 1),
            '(' => (TokenKind.LParen, 1),
            ')' => (TokenKind.RParen, 1),
            '[' => (TokenKind.LBracket, 1),
            ']' => (TokenKind.RBracket, 1),
            '{' => (TokenKind.LBrace, 1),
            '}' => (TokenKind.RBrace, 1),
            '+' => (TokenKind.Plus, 1),
            '-' => (TokenKind.Minus, 1),
            '*' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '&' => (TokenKind.Ampersand, 1),
            '|' => (TokenKind.Pipe, 1),
            '=' => (TokenKind.Equal, 1),
            '~' => (TokenKind.Equivalent, 1),
            '!' when Peek(1) == '=' => (TokenKind.NotEqual, 2),
            '!' when Peek(1) == '~' => (TokenKind.NotEquivalent, 2),
            '<' when Peek(1) == '=' => (TokenKind.LessOrEqual, 2),
            '<' => (TokenKind.Less, 1),
            '>' when Peek(1) == '=' => (TokenKind.GreaterOrEqual, 2),
            '>' => (TokenKind.Greater, 1),
            _ => throw new FhirPathSyntaxException($"unexpected character '{c}'", start),
        };
        _pos += length;
        return new Token(kind, start, _text.Substring(start, length));
    }

    private Token Identifier(int start)
    {
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
        {
            _pos++;
        }

        return new Token(TokenKind.Identifier, start, _text[start.._pos]);
    }

    private Token Variable(int start)
    {
        _pos++;
        var name = Identifier(_pos).Text;
        var kind = name switch
        {
            "this" => TokenKind.This,
            "index" => TokenKind.Index,
            "total" => TokenKind.Total,
            _ => throw new FhirPathSyntaxException($"unknown variable '${name}': only $this, $index and $total exist", start),
        };
        return new Token(kind, start, "$" + name);
    }

    /// <summary><c>%name</c>, <c>%`vs-name`</c>, <c>%'name'</c> (and <c>%"name"</c>, which some specifications write).</summary>
    private Token External(int start)
    {
        _pos++;
        var c = Peek(0);
        string name;
        if (c is '`' or '\'' or '"')
        {
            name = Quoted(c);
        }
        else if (char.IsAsciiLetter(c) || c == '_')
        {
            name = Identifier(_pos).Text;
        }
        else
        {
            throw new FhirPathSyntaxException("expected a name after '%'", start);
        }

        return new Token(TokenKind.External, start, name);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';
}
