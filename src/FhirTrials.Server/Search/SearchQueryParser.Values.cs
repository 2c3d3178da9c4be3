using System.Globalization;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Indexing;

namespace FhirTrials.Server.Search;

public sealed partial class SearchQueryParser
{
    private static readonly (string Text, SearchPrefix Prefix)[] Prefixes =
    [
        ("eq", SearchPrefix.Eq), ("ne", SearchPrefix.Ne), ("gt", SearchPrefix.Gt), ("lt", SearchPrefix.Lt), ("ge", SearchPrefix.Ge),
        ("le", SearchPrefix.Le), ("sa", SearchPrefix.Sa), ("eb", SearchPrefix.Eb), ("ap", SearchPrefix.Ap),
    ];

    private SearchValue ParseValue(SearchParameterInfo parameter, SearchModifier modifier, string? referenceType, string raw)
    {
        if (modifier == SearchModifier.Text)
        {
            return new StringValue(Unescape(raw));
        }

        return parameter.Type switch
        {
            SearchParamType.Token => ParseToken(raw),
            SearchParamType.Reference when modifier == SearchModifier.Identifier => ParseToken(raw),
            SearchParamType.String => new StringValue(Unescape(raw)),
            SearchParamType.Uri => new UriValue(Unescape(raw)),
            SearchParamType.Date => ParseDate(parameter.Code, raw),
            SearchParamType.Number => ParseNumber(parameter.Code, raw),
            SearchParamType.Quantity => ParseQuantity(parameter.Code, raw),
            SearchParamType.Reference => ParseReference(referenceType, Unescape(raw)),
            _ => throw new SearchException($"'{parameter.Code}' cannot be searched", IssueType.NotSupported),
        };
    }

    private static TokenValue ParseToken(string raw)
    {
        var bar = UnescapedIndexOf(raw, '|');
        if (bar < 0)
        {
            return new TokenValue(null, Unescape(raw), SystemGiven: false);
        }

        var system = Unescape(raw[..bar]);
        var code = Unescape(raw[(bar + 1)..]);
        return new TokenValue(system.Length == 0 ? null : system, code.Length == 0 ? null : code, SystemGiven: true);
    }

    private DateValue ParseDate(string code, string raw)
    {
        var (prefix, text) = SplitPrefix(raw);
        if (!DateRange.TryParse(text, out var low, out var high))
        {
            throw new SearchException($"'{raw}' is not a valid date for '{code}': expected [prefix]YYYY[-MM[-DD[Thh:mm[:ss[.fff]][Z|±hh:mm]]]]");
        }

        if (prefix == SearchPrefix.Ap)
        {
            // Approximately: widen by 10% of the distance from now (at least the value's own precision).
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var middle = low / 2 + high / 2;
            var gap = (long)(Math.Abs((double)now - middle) * 0.1);
            low = low - gap < low ? low - gap : long.MinValue;
            high = high + gap > high ? high + gap : long.MaxValue;
        }

        return new DateValue(prefix, low, high);
    }

    private static NumberValue ParseNumber(string code, string raw)
    {
        var (prefix, text) = SplitPrefix(raw);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            throw new SearchException($"'{raw}' is not a valid number for '{code}'");
        }

        // The implicit range of the value's precision: 100 is [99.5, 100.5), 1.50 is [1.495, 1.505).
        var scale = value.Scale;
        var half = 0.5m;
        for (var i = 0; i < scale; i++)
        {
            half /= 10;
        }

        return new NumberValue(prefix, value, value - half, value + half);
    }

    private static QuantityValue ParseQuantity(string code, string raw)
    {
        var first = UnescapedIndexOf(raw, '|');
        if (first < 0)
        {
            return new QuantityValue(ParseNumber(code, raw), null, null);
        }

        var number = ParseNumber(code, raw[..first]);
        var rest = raw[(first + 1)..];
        var second = UnescapedIndexOf(rest, '|');
        if (second < 0)
        {
            throw new SearchException($"'{raw}' is not a valid quantity for '{code}': expected [prefix]number[|system|code]");
        }

        var system = Unescape(rest[..second]);
        var unit = Unescape(rest[(second + 1)..]);
        return new QuantityValue(number, system.Length == 0 ? null : system, unit.Length == 0 ? null : unit);
    }

    private static ReferenceValue ParseReference(string? referenceType, string value)
    {
        var history = value.IndexOf("/_history/", StringComparison.Ordinal);
        if (history > 0)
        {
            value = value[..history];
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.StartsWith("urn:", StringComparison.Ordinal))
        {
            return new ReferenceValue(null, null, value);
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var type = value[..slash];
            if (referenceType is not null && type != referenceType)
            {
                throw new SearchException($"'{value}' contradicts the modifier :{referenceType}");
            }

            return new ReferenceValue(type, value[(slash + 1)..], null);
        }

        return new ReferenceValue(referenceType, value, null);
    }

    private static (SearchPrefix Prefix, string Value) SplitPrefix(string raw)
    {
        if (raw.Length > 2 && char.IsAsciiLetterLower(raw[0]))
        {
            foreach (var (text, prefix) in Prefixes)
            {
                if (raw.StartsWith(text, StringComparison.Ordinal))
                {
                    return (prefix, raw[2..]);
                }
            }
        }

        return (SearchPrefix.Eq, raw);
    }

    private static int UnescapedIndexOf(string value, char c)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == c)
            {
                return i;
            }
        }

        return -1;
    }
}
