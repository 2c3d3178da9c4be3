using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

internal sealed partial class SqlFhirStore
{
    /// <summary>The most resources one include adds (a guard against runaway wildcard includes).</summary>
    internal const int MaxIncluded = 1000;

    public async Task<IReadOnlyList<StoredResource>> IncludeAsync(IReadOnlyList<StoredResource> matches, IncludeSpec include, CancellationToken cancellationToken)
    {
        var pks = new List<long>();
        await using (var connection = await OpenAsync(cancellationToken))
        {
            if (!include.Reverse)
            {
                var sources = matches.Where(m => string.Equals(m.Type, include.SourceType, StringComparison.Ordinal)).Select(m => m.Pk).Distinct().ToArray();
                foreach (var chunk in sources.Chunk(500))
                {
                    var sql = new SqlBuilder().Append("SELECT DISTINCT t.pk FROM idx_reference i JOIN resource t ON t.res_type = i.target_type AND t.res_id = i.target_id WHERE t.deleted = 0 AND i.res_pk IN ").AppendList(chunk);
                    AppendIncludeFilter(sql, include, "i.target_type");
                    await ReadPksAsync(connection, sql, pks, cancellationToken);
                }
            }
            else
            {
                foreach (var group in matches.GroupBy(m => m.Type, StringComparer.Ordinal))
                {
                    if (include.TargetType is not null && !string.Equals(include.TargetType, group.Key, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    foreach (var chunk in group.Select(m => m.Id).Distinct().Chunk(500))
                    {
                        var sql = new SqlBuilder().Append("SELECT DISTINCT s.pk FROM idx_reference i JOIN resource s ON s.pk = i.res_pk WHERE s.deleted = 0 AND s.res_type = ").AppendParam(include.SourceType)
                            .Append(" AND i.target_type = ").AppendParam(group.Key).Append(" AND i.target_id IN ").AppendList(chunk);
                        AppendIncludeFilter(sql, include with { TargetType = null }, "i.target_type");
                        await ReadPksAsync(connection, sql, pks, cancellationToken);
                    }
                }
            }
        }

        return await ReadByPksAsync([.. pks.Distinct().Take(MaxIncluded)], cancellationToken);
    }

    private static void AppendIncludeFilter(SqlBuilder sql, IncludeSpec include, string targetTypeColumn)
    {
        if (include.Parameter is not null)
        {
            sql.Append(" AND i.param = ").AppendParam(include.Parameter.Code);
        }

        if (include.TargetType is not null)
        {
            sql.Append(" AND ").Append(targetTypeColumn).Append(" = ").AppendParam(include.TargetType);
        }

        sql.Append(" LIMIT ").AppendParam((long)MaxIncluded + 1);
    }

    private static async Task ReadPksAsync(System.Data.Common.DbConnection connection, SqlBuilder sql, List<long> pks, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(connection, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pks.Add(reader.GetInt64(0));
        }
    }
}
