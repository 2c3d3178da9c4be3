using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace FhirTrials.Sync.State;

/// <summary>
/// PostgreSQL session advisory locks on 64-bit keys hashed from a scope (database and schema) and a
/// key. Each lock set holds one connection; a dead worker's connection ends and its locks go with it.
/// </summary>
public sealed class AdvisoryLocks : ISyncLocks
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _scope;

    public AdvisoryLocks(NpgsqlDataSource dataSource, string scope)
    {
        _dataSource = dataSource;
        _scope = scope;
    }

    /// <summary>The advisory lock key of <paramref name="key"/> in <paramref name="scope"/>.</summary>
    public static long KeyOf(string scope, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("fhirtrials-sync\n" + scope + "\n" + key), hash);
        return BitConverter.ToInt64(hash[..8]);
    }

    public async Task<ISyncLockSet> BeginAsync(CancellationToken cancellationToken) =>
        new LockSet(await _dataSource.OpenConnectionAsync(cancellationToken), _scope);

    private sealed class LockSet(NpgsqlConnection connection, string scope) : ISyncLockSet
    {
        private readonly HashSet<long> _held = [];

        public async Task<bool> TryAcquireAsync(string key, CancellationToken cancellationToken)
        {
            var id = KeyOf(scope, key);
            if (_held.Contains(id))
            {
                return true;
            }

            if (await ScalarAsync("SELECT pg_try_advisory_lock(@k)", id, cancellationToken) is true)
            {
                _held.Add(id);
                return true;
            }

            return false;
        }

        public async Task AcquireAsync(string key, CancellationToken cancellationToken)
        {
            var id = KeyOf(scope, key);
            if (_held.Add(id))
            {
                try
                {
                    await ScalarAsync("SELECT pg_advisory_lock(@k)", id, cancellationToken);
                }
                catch
                {
                    _held.Remove(id);
                    throw;
                }
            }
        }

        public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
        {
            var id = KeyOf(scope, key);
            if (_held.Remove(id))
            {
                await ScalarAsync("SELECT pg_advisory_unlock(@k)", id, cancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_held.Count > 0)
                {
                    await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                    await command.ExecuteNonQueryAsync();
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // A broken connection loses its locks with it; closing below is enough.
            }
            finally
            {
                _held.Clear();
                await connection.DisposeAsync();
            }
        }

        private async Task<object?> ScalarAsync(string sql, long key, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("k", key);
            return await command.ExecuteScalarAsync(cancellationToken);
        }
    }
}
