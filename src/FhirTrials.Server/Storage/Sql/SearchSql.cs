using FhirTrials.Fhir.Model;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into SQL over the resource and index tables: each criterion an
/// <c>EXISTS</c> sub-query on its parameter's index table, chains and <c>_has</c> as nested
/// sub-queries, sort keys as correlated sub-queries. Every value is a parameter.
/// </summary>
internal static partial class SearchSql
{
    /// <summary><c>SELECT r.pk … ORDER BY … LIMIT n</c>.</summary>
    public static SqlBuilder Select(SearchQuery query, int limit, string columns = "r.pk")
    {
        var sql = new SqlBuilder().Append("SELECT ").Append(columns).Append(" FROM resource r WHERE ");
        Where(sql, query, "r");
        OrderBy(sql, query, "r");
        sql.Append(" LIMIT ").AppendParam((long)limit);
        return sql;
    }

    /// <summary><c>SELECT COUNT(*) …</c>.</summary>
    public static SqlBuilder Count(SearchQuery query)
    {
        var sql = new SqlBuilder().Append("SELECT COUNT(*) FROM resource r WHERE ");
        Where(sql, query, "r");
        return sql;
    }

    private static void Where(SqlBuilder sql, SearchQuery query, string alias)
    {
        if (query.ResourceType is not null)
        {
            sql.Append(alias).Append(".res_type = ").AppendParam(query.ResourceType).Append(" AND ");
        }

        sql.Append(alias).Append(".deleted = 0");
        foreach (var criterion in query.Criteria)
        {
            sql.Append(" AND ");
            Criterion(sql, criterion, alias);
        }
    }

    private static void Criterion(SqlBuilder sql, Criterion criterion, string alias)
    {
        switch (criterion)
        {
            case ParameterCriterion p when p.Parameter.Column == ResourceColumn.Id:
                IdCriterion(sql, p, alias);
                break;
            case ParameterCriterion p when p.Parameter.Column == ResourceColumn.LastUpdated:
                sql.Append('(');
                Or(sql, p.Values, value => DateCondition(sql, (DateValue)value, alias + ".last_updated", alias + ".last_updated"));
                sql.Append(')');
                break;
            case ParameterCriterion p:
                IndexCriterion(sql, p, alias);
                break;
            case MissingCriterion m:
                var table = Table(m.Parameter.Type);
                var missingAlias = sql.Alias("m");
                sql.Append(m.Missing ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ").Append(table).Append(' ').Append(missingAlias)
                    .Append(" WHERE ").Append(missingAlias).Append(".res_pk = ").Append(alias).Append(".pk AND ").Append(missingAlias).Append(".param = ").AppendParam(m.Parameter.Code).Append(')');
                break;
            case ChainCriterion c:
                Chain(sql, c, alias);
                break;
            case HasCriterion h:
                Has(sql, h, alias);
                break;
            case AnyOfCriterion any:
                sql.Append('(');
                for (var i = 0; i < any.Alternatives.Count; i++)
                {
                    sql.Append(i == 0 ? "(" : " OR (");
                    Criterion(sql, any.Alternatives[i], alias);
                    sql.Append(')');
                }

                sql.Append(')');
                break;
            default:
                throw new InvalidOperationException("unknown criterion " + criterion.GetType().Name);
        }
    }

    private static void IdCriterion(SqlBuilder sql, ParameterCriterion criterion, string alias)
    {
        var ids = criterion.Values.OfType<TokenValue>().Select(v => v.Code ?? string.Empty).ToArray();
        sql.Append(alias).Append(criterion.Modifier == SearchModifier.Not ? ".res_id NOT IN " : ".res_id IN ").AppendList(ids);
    }

    private static void IndexCriterion(SqlBuilder sql, ParameterCriterion criterion, string alias)
    {
        var parameter = criterion.Parameter;
        var param = parameter.Code;
        var type = parameter.Type;
        if (criterion.Modifier == SearchModifier.Identifier)
        {
            param += Indexing.SearchIndexer.IdentifierSuffix;
            type = SearchParamType.Token;
        }

        var a = sql.Alias("i");
        sql.Append(criterion.Modifier == SearchModifier.Not ? "NOT EXISTS (SELECT 1 FROM " : "EXISTS (SELECT 1 FROM ")
            .Append(Table(type)).Append(' ').Append(a)
            .Append(" WHERE ").Append(a).Append(".res_pk = ").Append(alias).Append(".pk AND ").Append(a).Append(".param = ").AppendParam(param).Append(" AND (");
        Or(sql, criterion.Values, value => Value(sql, type, criterion.Modifier, value, a));
        sql.Append("))");
    }

    private static void Or(SqlBuilder sql, IReadOnlyList<SearchValue> values, Action<SearchValue> condition)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(" OR ");
            }

            sql.Append('(');
            condition(values[i]);
            sql.Append(')');
        }
    }

    private static void Chain(SqlBuilder sql, ChainCriterion chain, string alias)
    {
        var c = sql.Alias("c");
        var t = sql.Alias("t");
        sql.Append("EXISTS (SELECT 1 FROM idx_reference ").Append(c).Append(" JOIN resource ").Append(t)
            .Append(" ON ").Append(t).Append(".res_type = ").Append(c).Append(".target_type AND ").Append(t).Append(".res_id = ").Append(c).Append(".target_id")
            .Append(" WHERE ").Append(c).Append(".res_pk = ").Append(alias).Append(".pk AND ").Append(c).Append(".param = ").AppendParam(chain.Reference.Code)
            .Append(" AND ").Append(t).Append(".deleted = 0 AND ").Append(t).Append(".res_type IN ").AppendList(chain.TargetTypes).Append(" AND ");
        Criterion(sql, chain.Inner, t);
        sql.Append(')');
    }

    private static void Has(SqlBuilder sql, HasCriterion has, string alias)
    {
        var h = sql.Alias("h");
        var s = sql.Alias("s");
        sql.Append("EXISTS (SELECT 1 FROM idx_reference ").Append(h).Append(" JOIN resource ").Append(s).Append(" ON ").Append(s).Append(".pk = ").Append(h).Append(".res_pk")
            .Append(" WHERE ").Append(h).Append(".param = ").AppendParam(has.Reference.Code)
            .Append(" AND ").Append(h).Append(".target_type = ").Append(alias).Append(".res_type AND ").Append(h).Append(".target_id = ").Append(alias).Append(".res_id")
            .Append(" AND ").Append(s).Append(".res_type = ").AppendParam(has.SourceType).Append(" AND ").Append(s).Append(".deleted = 0 AND ");
        Criterion(sql, has.Inner, s);
        sql.Append(')');
    }

    internal static string Table(SearchParamType type) => type switch
    {
        SearchParamType.Token => "idx_token",
        SearchParamType.String => "idx_string",
        SearchParamType.Date => "idx_date",
        SearchParamType.Reference => "idx_reference",
        SearchParamType.Quantity => "idx_quantity",
        SearchParamType.Number => "idx_number",
        SearchParamType.Uri => "idx_uri",
        _ => throw new InvalidOperationException($"no index table for {type} parameters"),
    };
}
