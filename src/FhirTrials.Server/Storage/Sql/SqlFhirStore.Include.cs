using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

internal sealed partial class SqlFhirStore
{
    /// <summary>The most resources one include adds (a guard against runaway wildcard includes).</summary>
    internal const int MaxIncluded = 1000;

    /// <summary>
    /// One connection for the round; the forward includes of one source type share one statement (a
    /// search with two <c>_include</c>s costs two statements, not three).
    /// </summary>
    public async Task<IReadOnlyList<StoredResource>> IncludeAsync(IReadOnlyList<StoredResource> matches, IReadOnlyList<IncludeSpec> includes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<long, StoredResource>();
        if (includes.Count == 0 || matches.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenAsync(cancellationToken);
        foreach (var forward in includes.Where(i => !i.Reverse).GroupBy(i => i.SourceType, StringComparer.Ordinal))
        {
            var specs = forward.ToArray();
            var sources = matches.Where(m => string.Equals(m.Type, forward.Key, StringComparison.Ordinal)).Select(m => m.Pk).Distinct().ToArray();
            foreach (var chunk in sources.Chunk(500))
            {
                var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.deleted = 0 AND r.pk IN (SELECT t.pk FROM idx_reference i JOIN resource t ON t.res_type = i.target_type AND t.res_id = i.target_id WHERE i.res_pk IN ").AppendList(chunk);
                AppendIncludeFilter(sql, specs);
                await ReadIntoAsync(connection, sql, found, cancellationToken);
            }
        }

        foreach (var include in includes.Where(i => i.Reverse))
        {
            foreach (var group in matches.GroupBy(m => m.Type, StringComparer.Ordinal))
            {
                if (include.TargetType is not null && !string.Equals(include.TargetType, group.Key, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var chunk in group.Select(m => m.Id).Distinct().Chunk(500))
                {
                    var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.deleted = 0 AND r.res_type = ").AppendParam(include.SourceType)
                        .Append(" AND r.pk IN (SELECT i.res_pk FROM idx_reference i WHERE i.target_type = ").AppendParam(group.Key).Append(" AND i.target_id IN ").AppendList(chunk);
                    AppendIncludeFilter(sql, [include with { TargetType = null }]);
                    await ReadIntoAsync(connection, sql, found, cancellationToken);
                }
            }
        }

        return [.. found.Values.OrderBy(r => r.Pk).Take(MaxIncluded * includes.Count)];
    }

    /// <summary><c> AND ((param and target type of the first) OR …)) ORDER BY r.pk LIMIT n</c>, closing the sub-query.</summary>
    private static void AppendIncludeFilter(SqlBuilder sql, IReadOnlyList<IncludeSpec> includes)
    {
        sql.Append(" AND (");
        for (var n = 0; n < includes.Count; n++)
        {
            var include = includes[n];
            sql.Append(n == 0 ? "(" : " OR (");
            if (include.Parameter is null && include.TargetType is null)
            {
                sql.Append("1 = 1");
            }

            if (include.Parameter is not null)
            {
                sql.Append("i.param = ").AppendParam(include.Parameter.Code);
            }

            if (include.TargetType is not null)
            {
                sql.Append(include.Parameter is null ? string.Empty : " AND ").Append("i.target_type = ").AppendParam(include.TargetType);
            }

            sql.Append(')');
        }

        sql.Append(")) ORDER BY r.pk LIMIT ").AppendParam(((long)MaxIncluded * includes.Count) + 1);
    }

    private static async Task ReadIntoAsync(System.Data.Common.DbConnection connection, SqlBuilder sql, Dictionary<long, StoredResource> found, CancellationToken cancellationToken)
    {
        await foreach (var resource in ReadRowsAsync(connection, sql, cancellationToken))
        {
            found[resource.Pk] = resource;
        }
    }
}
