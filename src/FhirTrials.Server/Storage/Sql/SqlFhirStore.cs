using System.Data.Common;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>
/// The store over SQL: one implementation for SQLite and PostgreSQL (<see cref="SqlDialect"/> holds the
/// differences). Current versions live in <c>resource</c>, every version in <c>resource_version</c>,
/// search values in the <c>idx_*</c> tables, maintained in the same transaction as each write.
/// </summary>
internal sealed partial class SqlFhirStore : IFhirStore
{
    internal const string ResourceColumns = "r.pk, r.res_type, r.res_id, r.version, r.last_updated, r.deleted, r.json";

    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim? _writeGate;

    public SqlFhirStore(SqlDialect dialect, TimeProvider time)
    {
        _dialect = dialect;
        _time = time;
        _writeGate = dialect.SingleWriter ? new SemaphoreSlim(1, 1) : null;
    }

    public string Kind => _dialect.Kind;

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => SchemaMigrator.MigrateAsync(_dialect, _time, cancellationToken);

    public async Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (_writeGate is not null)
        {
            await _writeGate.WaitAsync(cancellationToken);
        }

        DbConnection? connection = null;
        try
        {
            connection = _dialect.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await _dialect.PrepareWriteAsync(connection, cancellationToken);
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            return new SqlStoreTransaction(this, connection, transaction, _writeGate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            _writeGate?.Release();
            throw;
        }
    }

    public async Task<IReadOnlyList<long>> SearchAsync(SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken, search: true);
        await using var command = SearchSql.Select(query, limit).CreateCommand(connection, null);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var pks = new List<long>();
        while (await reader.ReadAsync(cancellationToken))
        {
            pks.Add(reader.GetInt64(0));
        }

        return pks;
    }

    public async Task<IReadOnlyList<StoredResource>> SearchResourcesAsync(SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken, search: true);
        var rows = new List<StoredResource>();
        await foreach (var row in ReadRowsAsync(connection, SearchSql.Select(query, limit, ResourceColumns), cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    public async Task<long> CountAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken, search: true);
        await using var command = SearchSql.Count(query).CreateCommand(connection, null);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        _writeGate?.Dispose();
        if (_dialect is IDisposable disposable)
        {
            disposable.Dispose();
        }

        await Task.CompletedTask;
    }

    internal SqlDialect Dialect => _dialect;

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken, bool search = false)
    {
        var connection = search ? _dialect.CreateSearchConnection() : _dialect.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads a row selected with <see cref="ResourceColumns"/> (the method is inferred).</summary>
    internal static StoredResource ReadCurrent(DbDataReader reader)
    {
        var version = reader.GetInt64(3);
        var deleted = reader.GetInt64(5) != 0;
        return new StoredResource(
            reader.GetInt64(0),
            reader.GetString(1),
            reader.GetString(2),
            version,
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            deleted,
            deleted ? "DELETE" : version == 1 ? "POST" : "PUT",
            reader.IsDBNull(6) ? ReadOnlyMemory<byte>.Empty : reader.GetFieldValue<byte[]>(6));
    }
}
