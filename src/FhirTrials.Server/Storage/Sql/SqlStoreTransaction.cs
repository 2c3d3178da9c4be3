using System.Data.Common;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>
/// One write transaction on one connection; SQLite writers hold the store's write gate until disposed.
/// PostgreSQL writers run at READ COMMITTED with row locks (<c>FOR UPDATE</c>) and advisory locks for
/// conditional searches and creations (<see cref="SqlDialect.LockConditionalAsync"/>,
/// <see cref="SqlDialect.LockMissingAsync"/>); a transaction the database aborts for a deadlock becomes a conflict.
/// </summary>
internal sealed partial class SqlStoreTransaction : IStoreTransaction
{
    private readonly SqlFhirStore _store;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly SemaphoreSlim? _gate;
    private bool _completed;
    private bool _conditionalLocked;
    private int _writes;

    public SqlStoreTransaction(SqlFhirStore store, DbConnection connection, DbTransaction transaction, SemaphoreSlim? gate)
    {
        _store = store;
        _connection = connection;
        _transaction = transaction;
        _gate = gate;
    }

    public Task<StoredResource?> ReadForUpdateAsync(string type, string id, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var current = await SqlFhirStore.ReadCurrentAsync(_connection, _transaction, type, id, _store.Dialect.ForUpdate, cancellationToken);
        if (current is null && await _store.Dialect.LockMissingAsync(_connection, _transaction, type, id, cancellationToken))
        {
            // Another writer may have created it while this one waited for the lock.
            current = await SqlFhirStore.ReadCurrentAsync(_connection, _transaction, type, id, _store.Dialect.ForUpdate, cancellationToken);
        }

        return current;
    });

    public Task<IReadOnlyList<ResourceKey>> SearchKeysAsync(SearchQuery query, int limit, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (!_conditionalLocked)
        {
            await _store.Dialect.LockConditionalAsync(_connection, _transaction, cancellationToken);
            _conditionalLocked = true;
        }

        await using var command = SearchSql.Select(query, limit, "r.res_type, r.res_id").CreateCommand(_connection, _transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<ResourceKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new ResourceKey(reader.GetString(0), reader.GetString(1)));
        }

        return (IReadOnlyList<ResourceKey>)keys;
    });

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await GuardAsync(async () =>
        {
            await _transaction.CommitAsync(cancellationToken);
            return true;
        });
        _completed = true;
        await _store.Dialect.AfterCommitAsync(_connection, _writes, cancellationToken);
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

    /// <summary>Runs a step; a deadlock or serialisation failure the database reports becomes a <see cref="StoreConflictException"/> (409).</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> step)
    {
        try
        {
            return await step();
        }
        catch (DbException ex) when (_store.Dialect.IsConcurrencyFailure(ex))
        {
            throw new StoreConflictException("a concurrent transaction touched the same resources; retry the request", ex);
        }
    }

    private async Task<int> ExecuteAsync(SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(_connection, _transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
