using System.Data.Common;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>One write transaction on one connection; SQLite writers hold the store's write gate until disposed.</summary>
internal sealed partial class SqlStoreTransaction : IStoreTransaction
{
    private readonly SqlFhirStore _store;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SemaphoreSlim? _gate;
    private bool _completed;

    public SqlStoreTransaction(SqlFhirStore store, DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _gate = gate;
    }

    public Task<StoredResource?> ReadForUpdateAsync(string type, string id, CancellationToken cancellationToken) =>
        SqlFhirStore.ReadCurrentAsync(_connection, _transaction, type, id, _store.Dialect.ForUpdate, cancellationToken);

    public async Task<IReadOnlyList<ResourceKey>> SearchKeysAsync(SearchQuery query, int limit, CancellationToken cancellationToken)
    {
        await using var command = SearchSql.Select(query, limit, "r.res_type, r.res_id").CreateCommand(_connection, _transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ResourceKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ResourceKey(reader.GetString(0), reader.GetString(1)));
        }

        return keys;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_completed)
            {
                await _transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (DbException)
        {
            // The connection is already broken; disposing it below discards the transaction anyway.
        }
        finally
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
            _gate?.Release();
        }
    }

    private async Task<int> ExecuteAsync(SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(_connection, _transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
