using System.Data.Common;
using System.Runtime.CompilerServices;

namespace FhirTrials.Server.Storage.Sql;

internal sealed partial class SqlFhirStore
{
    public async Task<StoredResource?> ReadAsync(string type, string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadCurrentAsync(connection, null, type, id, string.Empty, cancellationToken);
    }

    internal static async Task<StoredResource?> ReadCurrentAsync(DbConnection connection, DbTransaction? transaction, string type, string id, string suffix, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.res_type = ").AppendParam(type).Append(" AND r.res_id = ").AppendParam(id).Append(suffix);
        await using var command = sql.CreateCommand(connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadCurrent(reader) : null;
    }

    public async Task<StoredResource?> ReadVersionAsync(string type, string id, long versionId, CancellationToken cancellationToken)
    {
        var sql = VersionSelect().Append(" WHERE r.res_type = ").AppendParam(type).Append(" AND r.res_id = ").AppendParam(id).Append(" AND v.version = ").AppendParam(versionId);
        var versions = await ReadVersionsAsync(sql, cancellationToken);
        return versions.Count > 0 ? versions[0] : null;
    }

    public Task<IReadOnlyList<StoredResource>> ReadHistoryAsync(HistoryQuery query, CancellationToken cancellationToken)
    {
        var sql = VersionSelect().Append(" WHERE 1 = 1");
        if (query.Type is not null)
        {
            sql.Append(" AND r.res_type = ").AppendParam(query.Type);
        }

        if (query.Id is not null)
        {
            sql.Append(" AND r.res_id = ").AppendParam(query.Id);
        }

        if (query.Since is { } since)
        {
            sql.Append(" AND v.last_updated >= ").AppendParam(since.ToUnixTimeMilliseconds());
        }

        sql.Append(" ORDER BY v.last_updated DESC, v.res_pk DESC, v.version DESC LIMIT ").AppendParam((long)query.Count);
        return ReadVersionsAsync(sql, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredResource>> ReadByPksAsync(IReadOnlyList<long> pks, CancellationToken cancellationToken)
    {
        if (pks.Count == 0)
        {
            return [];
        }

        var found = new Dictionary<long, StoredResource>(pks.Count);
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var chunk in pks.Distinct().Chunk(500))
        {
            var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.deleted = 0 AND r.pk IN ").AppendList(chunk);
            await foreach (var resource in ReadRowsAsync(connection, sql, cancellationToken))
            {
                found[resource.Pk] = resource;
            }
        }

        return [.. pks.Distinct().Where(found.ContainsKey).Select(pk => found[pk])];
    }

    public async Task<IReadOnlyList<StoredResource>> ReadByKeysAsync(IReadOnlyCollection<ResourceKey> keys, CancellationToken cancellationToken)
    {
        var result = new List<StoredResource>();
        if (keys.Count == 0)
        {
            return result;
        }

        await using var connection = await OpenAsync(cancellationToken);
        foreach (var group in keys.Distinct().GroupBy(k => k.Type, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Select(k => k.Id).Chunk(500))
            {
                var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.deleted = 0 AND r.res_type = ").AppendParam(group.Key).Append(" AND r.res_id IN ").AppendList(chunk);
                await foreach (var resource in ReadRowsAsync(connection, sql, cancellationToken))
                {
                    result.Add(resource);
                }
            }
        }

        return result;
    }

    public async IAsyncEnumerable<StoredResource> ExportAsync(string type, DateTimeOffset? since, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder().Append("SELECT ").Append(ResourceColumns).Append(" FROM resource r WHERE r.deleted = 0 AND r.res_type = ").AppendParam(type)
            .Append(" AND r.last_updated <= ").AppendParam(until.ToUnixTimeMilliseconds());
        if (since is { } from)
        {
            sql.Append(" AND r.last_updated > ").AppendParam(from.ToUnixTimeMilliseconds());
        }

        sql.Append(" ORDER BY r.last_updated, r.pk");
        await using var connection = await OpenAsync(cancellationToken);
        await foreach (var resource in ReadRowsAsync(connection, sql, cancellationToken))
        {
            yield return resource;
        }
    }

    public async Task<IReadOnlyList<string>> StoredTypesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new SqlBuilder().Append("SELECT DISTINCT res_type FROM resource WHERE deleted = 0 ORDER BY res_type").CreateCommand(connection, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var types = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            types.Add(reader.GetString(0));
        }

        return types;
    }

    private static SqlBuilder VersionSelect() =>
        new SqlBuilder().Append("SELECT v.res_pk, r.res_type, r.res_id, v.version, v.last_updated, v.deleted, v.method, v.json FROM resource_version v JOIN resource r ON r.pk = v.res_pk");

    private async Task<IReadOnlyList<StoredResource>> ReadVersionsAsync(SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = sql.CreateCommand(connection, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<StoredResource>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new StoredResource(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt64(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
                reader.GetInt64(5) != 0,
                reader.GetString(6),
                reader.IsDBNull(7) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(7)));
        }

        return versions;
    }

    internal static async IAsyncEnumerable<StoredResource> ReadRowsAsync(DbConnection connection, SqlBuilder sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(connection, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadCurrent(reader);
        }
    }
}
