using System.Globalization;

namespace FhirTrials.FhirPath.Ucum;

/// <summary>
/// Parses the UCUM expression syntax: terms joined by <c>.</c> and <c>/</c>, a leading <c>/</c>,
/// exponents (<c>m2</c>, <c>s-1</c>), parentheses, whole-number factors and <c>{annotations}</c>.
/// </summary>
internal sealed class UcumExpressionParser
{
    private readonly string _text;
    private readonly Func<string, UcumUnit?> _resolveSymbol;
    private int _pos;

    public UcumExpressionParser(string text, Func<string, UcumUnit?> resolveSymbol)
    {
        _text = text;
        _resolveSymbol = resolveSymbol;
    }

    /// <summary>The canonical unit, or null when the expression is malformed or uses unknown symbols.</summary>
    public UcumUnit? Parse()
    {
        if (_text.Length == 0)
        {
            return null;
        }

        var unit = ParseTerm();
        return _pos == _text.Length ? unit : null;
    }

    private UcumUnit? ParseTerm()
    {
        UcumUnit? result;
        if (Peek() == '/')
        {
            _pos++;
            result = ParseComponent()?.Power(-1);
        }
        else
        {
            result = ParseComponent();
        }

        while (result is not null && Peek() is '.' or '/')
        {
            var op = _text[_pos++];
            var next = ParseComponent();
            result = next is null ? null : result.Multiply(next, op == '.' ? 1 : -1);
        }

        return result;
    }

    private UcumUnit? ParseComponent()
    {
        if (Peek() == '(')
        {
            _pos++;
            var inner = ParseTerm();
            if (inner is null || Peek() != ')')
            {
                return null;
            }

            _pos++;
            var exponent = ReadExponent();
            SkipAnnotation();
            return exponent is { } e ? inner.Power(e) : inner;
        }

        if (Peek() == '{')
        {
            return SkipAnnotation() ? UcumUnit.One : null;
        }

        var start = _pos;
        while (_pos < _text.Length && _text[_pos] is not ('.' or '/' or '(' or ')' or '{'))
        {
            if (_text[_pos] == '[')
            {
                var close = _text.IndexOf(']', _pos);
                if (close < 0)
                {
                    return null;
                }

                _pos = close;
            }

            _pos++;
        }

        var unit = Simple(_text[start.._pos]);
        SkipAnnotation();
        return unit;
    }

    private UcumUnit? Simple(string run)
    {
        if (run.Length == 0)
        {
            return null;
        }

        var end = run.Length;
        while (end > 0 && char.IsAsciiDigit(run[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return decimal.TryParse(run, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? UcumUnit.One.Scale(number) : null;
        }

        var exponentStart = end;
        if (end < run.Length && end > 1 && run[end - 1] is '+' or '-')
        {
            exponentStart = end - 1;
        }

        var symbol = run[..exponentStart];
        var unit = _resolveSymbol(symbol);
        if (unit is null || exponentStart == run.Length)
        {
            return unit;
        }

        return int.TryParse(run[exponentStart..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var power) ? unit.Power(power) : null;
    }

    private int? ReadExponent()
    {
        var start = _pos;
        if (_pos < _text.Length && _text[_pos] is '+' or '-')
        {
            _pos++;
        }

        while (_pos < _text.Length && char.IsAsciiDigit(_text[_pos]))
        {
            _pos++;
        }

        if (_pos == start)
        {
            return null;
        }

        return int.Parse(_text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    private bool SkipAnnotation()
    {
        if (Peek() != '{')
        {
            return false;
        }

        var close = _text.IndexOf('}', _pos);
        _pos = close < 0 ? _text.Length : close + 1;
        return close >= 0;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';
}
