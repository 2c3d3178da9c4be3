using System.Globalization;
using System.Text;

namespace FhirTrials.FhirPath.Syntax;

internal sealed partial class Lexer
{
    /// <summary>Reads a quoted string or delimited identifier, decoding the FHIRPath escapes.</summary>
    private string Quoted(char quote)
    {
        var start = _pos;
        _pos++;
        var sb = new StringBuilder();
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return sb.ToString();
            }

            if (c != '\\')
            {
                sb.Append(c);
                _pos++;
                continue;
            }

            var escape = Peek(1);
            _pos += 2;
            switch (escape)
            {
                case '\'' or '"' or '`' or '\\' or '/':
                    sb.Append(escape);
                    break;
                case 'f':
                    sb.Append('\f');
                    break;
                case 'n':
                    sb.Append('\n');
                    break;
                case 'r':
                    sb.Append('\r');
                    break;
                case 't':
                    sb.Append('\t');
                    break;
                case 'u' when _pos + 4 <= _text.Length
                    && int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                    sb.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw new FhirPathSyntaxException($"invalid escape '\\{escape}' (allowed: \\' \\\" \\` \\\\ \\/ \\f \\n \\r \\t \\uXXXX)", _pos - 2);
            }
        }

        var what = quote == '`' ? "delimited identifier" : "string";
        throw new FhirPathSyntaxException($"unterminated {what}: no closing {quote}", start);
    }

    private Token Number(int start)
    {
        SkipDigits();
        var kind = TokenKind.Integer;
        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
            kind = TokenKind.Decimal;
        }
        else if (Peek(0) == 'L' && !char.IsAsciiLetterOrDigit(Peek(1)))
        {
            _pos++;
            return new Token(TokenKind.Long, start, _text[start..(_pos - 1)]);
        }

        return new Token(kind, start, _text[start.._pos]);
    }

    /// <summary>
    /// <c>@2015</c>, <c>@2015-02-04</c> (Date); <c>@2015T</c>, <c>@2015-02-04T14:34:28.123+10:00</c>
    /// (DateTime); <c>@T14:34</c> (Time). The text of the token omits the <c>@</c> (and the time's <c>T</c>).
    /// </summary>
    private Token DateTimeLiteral(int start)
    {
        _pos++;
        if (Peek(0) == 'T')
        {
            _pos++;
            var timeStart = _pos;
            ScanTime();
            var time = _text[timeStart.._pos];
            return FhirPathDateTime.ParseTime(time) is null
                ? throw new FhirPathSyntaxException($"invalid time literal '@T{time}' (expected @Thh, @Thh:mm, @Thh:mm:ss or @Thh:mm:ss.fff)", start)
                : new Token(TokenKind.Time, start, time);
        }

        var dateStart = _pos;
        if (!ScanDigits(4))
        {
            throw new FhirPathSyntaxException("invalid date literal: expected four digits of a year after '@'", start);
        }

        for (var part = 0; part < 2 && Peek(0) == '-' && char.IsAsciiDigit(Peek(1)); part++)
        {
            _pos++;
            ScanDigits(2);
        }

        var kind = TokenKind.Date;
        if (Peek(0) == 'T')
        {
            kind = TokenKind.DateTime;
            _pos++;
            if (char.IsAsciiDigit(Peek(0)))
            {
                ScanTime();
                ScanOffset();
            }
        }

        var text = _text[dateStart.._pos];
        var valid = kind == TokenKind.Date ? FhirPathDateTime.ParseDate(text) : FhirPathDateTime.ParseDateTime(text);
        return valid is null
            ? throw new FhirPathSyntaxException($"invalid {(kind == TokenKind.Date ? "date" : "date/time")} literal '@{text}'", start)
            : new Token(kind, start, text);
    }

    private void ScanTime()
    {
        ScanDigits(2);
        for (var part = 0; part < 2 && Peek(0) == ':' && char.IsAsciiDigit(Peek(1)); part++)
        {
            _pos++;
            ScanDigits(2);
        }

        if (Peek(0) == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            SkipDigits();
        }
    }

    private void ScanOffset()
    {
        if (Peek(0) == 'Z')
        {
            _pos++;
        }
        else if (Peek(0) is '+' or '-' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            ScanDigits(2);
            if (Peek(0) == ':')
            {
                _pos++;
                ScanDigits(2);
            }
        }
    }

    private bool ScanDigits(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!char.IsAsciiDigit(Peek(0)))
            {
                return false;
            }

            _pos++;
        }

        return true;
    }

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek(0)))
        {
            _pos++;
        }
    }
}
