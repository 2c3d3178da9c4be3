using FhirTrials.Fhir.Model;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

internal static partial class SearchSql
{
    /// <summary>
    /// <c>ORDER BY</c> the sort keys (the smallest value of a multi-valued parameter ascending, the
    /// largest descending; resources without a value last either way), then the row key so that the
    /// order is total and stable.
    /// </summary>
    private static void OrderBy(SqlBuilder sql, SearchQuery query, string alias)
    {
        sql.Append(" ORDER BY ");
        foreach (var key in query.Sort)
        {
            var value = SortValue(sql, key, alias);
            sql.Append("CASE WHEN ").Append(value).Append(" IS NULL THEN 1 ELSE 0 END, ").Append(value).Append(key.Descending ? " DESC, " : " ASC, ");
        }

        sql.Append(alias).Append(".pk ASC");
    }

    private static string SortValue(SqlBuilder sql, SortKey key, string alias)
    {
        var parameter = key.Parameter;
        if (parameter.Column == ResourceColumn.Id)
        {
            return alias + ".res_id";
        }

        if (parameter.Column == ResourceColumn.LastUpdated)
        {
            return alias + ".last_updated";
        }

        var aggregate = key.Descending ? "MAX" : "MIN";
        var column = parameter.Type switch
        {
            SearchParamType.String => "norm",
            SearchParamType.Token => "code",
            SearchParamType.Reference => "target_id",
            SearchParamType.Uri => "value",
            _ => key.Descending ? "high" : "low",
        };
        var s = sql.Alias("o");
        return $"(SELECT {aggregate}({s}.{column}) FROM {Table(parameter.Type)} {s} WHERE {s}.res_pk = {alias}.pk AND {s}.param = {sql.Param(parameter.Code)})";
    }
}
