using System.Data.Common;
using System.Globalization;
using FhirTrials.Server.Indexing;

namespace FhirTrials.Server.Storage.Sql;

internal sealed partial class SqlStoreTransaction
{
    // The most parameters one multi-row INSERT carries (SQLite allows 32,766; PostgreSQL 65,535).
    private const int MaxParameters = 2000;

    private static readonly string[] IndexTables = ["idx_token", "idx_string", "idx_date", "idx_reference", "idx_quantity", "idx_number", "idx_uri"];

    public Task<StoredResource> WriteAsync(StoredResource? current, ResourceWrite write, CancellationToken cancellationToken) =>
        GuardAsync(() => WriteCoreAsync(current, write, cancellationToken));

    public Task<StoredResource> DeleteAsync(StoredResource current, DateTimeOffset when, CancellationToken cancellationToken) =>
        GuardAsync(() => DeleteCoreAsync(current, when, cancellationToken));

    private async Task<StoredResource> WriteCoreAsync(StoredResource? current, ResourceWrite write, CancellationToken cancellationToken)
    {
        var json = write.Json.ToArray();
        var when = write.LastUpdated.ToUnixTimeMilliseconds();
        _writes++;
        long pk;
        try
        {
            if (current is null)
            {
                var insert = new SqlBuilder().Append("INSERT INTO resource (res_type, res_id, version, last_updated, deleted, json) VALUES (")
                    .AppendParam(write.Type).Append(", ").AppendParam(write.Id).Append(", ").AppendParam(write.VersionId).Append(", ").AppendParam(when).Append(", 0, ").AppendParam(json).Append(") RETURNING pk");
                await using var command = insert.CreateCommand(_connection, _transaction);
                pk = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }
            else
            {
                pk = current.Pk;
                await UpdateCurrentAsync(current, write.VersionId, when, deleted: false, json, cancellationToken);
                await DeleteIndexAsync(pk, cancellationToken);
            }
        }
        catch (DbException ex) when (_store.Dialect.IsUniqueViolation(ex))
        {
            throw new StoreConflictException($"{write.Type}/{write.Id} was created concurrently", ex);
        }

        await InsertVersionAsync(pk, write.VersionId, when, deleted: false, write.Method, json, cancellationToken);
        await InsertIndexAsync(pk, write.Index, cancellationToken);
        return new StoredResource(pk, write.Type, write.Id, write.VersionId, DateTimeOffset.FromUnixTimeMilliseconds(when), false, write.Method, json);
    }

    private async Task<StoredResource> DeleteCoreAsync(StoredResource current, DateTimeOffset when, CancellationToken cancellationToken)
    {
        var version = current.VersionId + 1;
        var millis = when.ToUnixTimeMilliseconds();
        _writes++;
        await UpdateCurrentAsync(current, version, millis, deleted: true, null, cancellationToken);
        await DeleteIndexAsync(current.Pk, cancellationToken);
        await InsertVersionAsync(current.Pk, version, millis, deleted: true, "DELETE", null, cancellationToken);
        return new StoredResource(current.Pk, current.Type, current.Id, version, DateTimeOffset.FromUnixTimeMilliseconds(millis), true, "DELETE", ReadOnlyMemory<byte>.Empty);
    }

    private async Task UpdateCurrentAsync(StoredResource current, long version, long when, bool deleted, byte[]? json, CancellationToken cancellationToken)
    {
        var update = new SqlBuilder().Append("UPDATE resource SET version = ").AppendParam(version).Append(", last_updated = ").AppendParam(when);
        if (deleted)
        {
            update.Append(", deleted = 1, json = NULL");
        }
        else
        {
            update.Append(", deleted = 0, json = ").AppendParam(json);
        }

        update.Append(" WHERE pk = ").AppendParam(current.Pk).Append(" AND version = ").AppendParam(current.VersionId);
        if (await ExecuteAsync(update, cancellationToken) != 1)
        {
            throw new StoreConflictException($"{current.Type}/{current.Id} was changed concurrently");
        }
    }

    private Task InsertVersionAsync(long pk, long version, long when, bool deleted, string method, byte[]? json, CancellationToken cancellationToken)
    {
        var insert = new SqlBuilder().Append("INSERT INTO resource_version (res_pk, version, last_updated, deleted, method, json) VALUES (")
            .AppendParam(pk).Append(", ").AppendParam(version).Append(", ").AppendParam(when).Append(deleted ? ", 1, " : ", 0, ").AppendParam(method).Append(", ").AppendParam(json).Append(')');
        return ExecuteAsync(insert, cancellationToken);
    }

    private async Task DeleteIndexAsync(long pk, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        var name = sql.Param(pk);
        foreach (var table in IndexTables)
        {
            sql.Append("DELETE FROM ").Append(table).Append(" WHERE res_pk = ").Append(name).Append(';');
        }

        await ExecuteAsync(sql, cancellationToken);
    }

    private async Task InsertIndexAsync(long pk, ResourceIndex index, CancellationToken cancellationToken)
    {
        await InsertRowsAsync("idx_token (res_pk, param, system, code, text)", pk, index.Tokens, e => [e.Param, e.System, e.Code, e.Text], cancellationToken);
        await InsertRowsAsync("idx_string (res_pk, param, norm, exact)", pk, index.Strings, e => [e.Param, e.Normalized, e.Exact], cancellationToken);
        await InsertRowsAsync("idx_date (res_pk, param, low, high)", pk, index.Dates, e => [e.Param, e.Low, e.High], cancellationToken);
        await InsertRowsAsync("idx_reference (res_pk, param, target_type, target_id, url)", pk, index.References, e => [e.Param, e.TargetType, e.TargetId, e.Url], cancellationToken);
        await InsertRowsAsync("idx_quantity (res_pk, param, system, code, unit, low, high)", pk, index.Quantities, e => [e.Param, e.System, e.Code, e.Unit, e.Low, e.High], cancellationToken);
        await InsertRowsAsync("idx_number (res_pk, param, low, high)", pk, index.Numbers, e => [e.Param, e.Low, e.High], cancellationToken);
        await InsertRowsAsync("idx_uri (res_pk, param, value)", pk, index.Uris, e => [e.Param, e.Value], cancellationToken);
    }

    /// <summary>Multi-row INSERTs (a few round trips per resource rather than one per row), duplicates dropped.</summary>
    private async Task InsertRowsAsync<T>(string tableAndColumns, long pk, List<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
        where T : struct
    {
        if (rows.Count == 0)
        {
            return;
        }

        var distinct = rows.Distinct().ToList();
        var width = values(distinct[0]).Length;
        var perStatement = Math.Max(1, MaxParameters / width);
        foreach (var chunk in distinct.Chunk(perStatement))
        {
            var sql = new SqlBuilder().Append("INSERT INTO ").Append(tableAndColumns).Append(" VALUES ");
            var pkName = sql.Param(pk);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "(" : ", (").Append(pkName);
                foreach (var value in values(chunk[i]))
                {
                    sql.Append(", ").AppendParam(value);
                }

                sql.Append(')');
            }

            await ExecuteAsync(sql, cancellationToken);
        }
    }
}
