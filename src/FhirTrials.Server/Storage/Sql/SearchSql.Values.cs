using System.Text;
using FhirTrials.Fhir.Model;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

internal static partial class SearchSql
{
    // Above every string that starts with the prefix, in byte order (UTF-8 of U+10FFFF).
    private const string PrefixUpperBound = "\U0010FFFF";

    private static void Value(SqlBuilder sql, SearchParamType type, SearchModifier modifier, SearchValue value, string a)
    {
        switch (value)
        {
            case TokenValue token:
                Token(sql, token, a);
                break;
            case StringValue text when type == SearchParamType.Token:
                WordPrefix(sql, a + ".text", StringNormalizer.Normalize(text.Text));
                break;
            case StringValue text:
                StringCondition(sql, modifier, text.Text, a);
                break;
            case DateValue date:
                DateCondition(sql, date, a + ".low", a + ".high");
                break;
            case NumberValue number:
                NumberCondition(sql, number, a + ".low", a + ".high");
                break;
            case QuantityValue quantity:
                QuantityCondition(sql, quantity, a);
                break;
            case ReferenceValue reference:
                ReferenceCondition(sql, reference, a);
                break;
            case UriValue uri:
                UriCondition(sql, modifier, uri.Uri, a);
                break;
            default:
                throw new InvalidOperationException("unknown search value " + value.GetType().Name);
        }
    }

    private static void Token(SqlBuilder sql, TokenValue token, string a)
    {
        if (!token.SystemGiven)
        {
            sql.Append(a).Append(".code = ").AppendParam(token.Code);
        }
        else if (token.System is null)
        {
            sql.Append(a).Append(".system IS NULL AND ").Append(a).Append(".code = ").AppendParam(token.Code);
        }
        else if (token.Code is null)
        {
            sql.Append(a).Append(".system = ").AppendParam(token.System);
        }
        else
        {
            sql.Append(a).Append(".system = ").AppendParam(token.System).Append(" AND ").Append(a).Append(".code = ").AppendParam(token.Code);
        }
    }

    private static void StringCondition(SqlBuilder sql, SearchModifier modifier, string text, string a)
    {
        switch (modifier)
        {
            case SearchModifier.Exact:
                sql.Append(a).Append(".exact = ").AppendParam(text);
                break;
            case SearchModifier.Contains:
                sql.Append(a).Append(".norm LIKE ").AppendParam("%" + EscapeLike(StringNormalizer.Normalize(text)) + "%").Append(" ESCAPE '\\'");
                break;
            default:
                Prefix(sql, a + ".norm", StringNormalizer.Normalize(text));
                break;
        }
    }

    /// <summary>Starts-with as a range (<c>x &gt;= p AND x &lt; p + U+10FFFF</c>), which both databases answer from an index.</summary>
    private static void Prefix(SqlBuilder sql, string column, string prefix) =>
        sql.Append(column).Append(" >= ").AppendParam(prefix).Append(" AND ").Append(column).Append(" < ").AppendParam(prefix + PrefixUpperBound);

    /// <summary>Token <c>:text</c>: the text starts with the value, or one of its words does.</summary>
    private static void WordPrefix(SqlBuilder sql, string column, string prefix)
    {
        sql.Append('(');
        Prefix(sql, column, prefix);
        sql.Append(") OR ").Append(column).Append(" LIKE ").AppendParam("% " + EscapeLike(prefix) + "%").Append(" ESCAPE '\\'");
    }

    private static string EscapeLike(string text)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>The R4 prefix semantics over ranges: the target [low, high] against the search value's range.</summary>
    private static void DateCondition(SqlBuilder sql, DateValue date, string low, string high)
    {
        var sl = sql.Param(date.Low);
        var sh = sql.Param(date.High);
        var contained = $"{low} >= {sl} AND {high} <= {sh}";
        sql.Append(date.Prefix switch
        {
            SearchPrefix.Eq => contained,
            SearchPrefix.Ne => $"NOT ({contained})",
            SearchPrefix.Gt => $"{high} > {sh}",
            SearchPrefix.Lt => $"{low} < {sl}",
            SearchPrefix.Ge => $"{high} > {sh} OR ({contained})",
            SearchPrefix.Le => $"{low} < {sl} OR ({contained})",
            SearchPrefix.Sa => $"{low} > {sh}",
            SearchPrefix.Eb => $"{high} < {sl}",
            SearchPrefix.Ap => $"{low} <= {sh} AND {high} >= {sl}",
            _ => throw new InvalidOperationException("unknown prefix"),
        });
    }

    private static void NumberCondition(SqlBuilder sql, NumberValue number, string low, string high)
    {
        var v = sql.Param((double)number.Value);
        string Range() => $"{low} >= {sql.Param((double)number.Low)} AND {high} < {sql.Param((double)number.High)}";
        var margin = Math.Abs((double)number.Value) * 0.1;
        sql.Append(number.Prefix switch
        {
            SearchPrefix.Eq => Range(),
            SearchPrefix.Ne => $"NOT ({Range()})",
            SearchPrefix.Gt => $"{high} > {v}",
            SearchPrefix.Lt => $"{low} < {v}",
            SearchPrefix.Ge => $"{high} >= {v}",
            SearchPrefix.Le => $"{low} <= {v}",
            SearchPrefix.Sa => $"{low} > {v}",
            SearchPrefix.Eb => $"{high} < {v}",
            SearchPrefix.Ap => $"{low} <= {sql.Param((double)number.Value + margin)} AND {high} >= {sql.Param((double)number.Value - margin)}",
            _ => throw new InvalidOperationException("unknown prefix"),
        });
    }

    private static void QuantityCondition(SqlBuilder sql, QuantityValue quantity, string a)
    {
        sql.Append('(');
        NumberCondition(sql, quantity.Number, a + ".low", a + ".high");
        sql.Append(')');
        if (quantity.System is not null)
        {
            sql.Append(" AND ").Append(a).Append(".system = ").AppendParam(quantity.System);
        }

        if (quantity.Code is not null)
        {
            var code = sql.Param(quantity.Code);
            sql.Append(quantity.System is null ? $" AND ({a}.code = {code} OR {a}.unit = {code})" : $" AND {a}.code = {code}");
        }
    }

    private static void ReferenceCondition(SqlBuilder sql, ReferenceValue reference, string a)
    {
        if (reference.Url is not null)
        {
            sql.Append(a).Append(".url = ").AppendParam(reference.Url);
            return;
        }

        sql.Append(a).Append(".target_id = ").AppendParam(reference.Id);
        if (reference.Type is not null)
        {
            sql.Append(" AND ").Append(a).Append(".target_type = ").AppendParam(reference.Type);
        }
    }

    private static void UriCondition(SqlBuilder sql, SearchModifier modifier, string uri, string a)
    {
        switch (modifier)
        {
            case SearchModifier.Below:
                Prefix(sql, a + ".value", uri);
                break;
            case SearchModifier.Above:
                sql.Append("substr(").AppendParam(uri).Append(", 1, length(").Append(a).Append(".value)) = ").Append(a).Append(".value");
                break;
            default:
                sql.Append(a).Append(".value = ").AppendParam(uri);
                break;
        }
    }
}
