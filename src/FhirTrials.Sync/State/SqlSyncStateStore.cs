using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace FhirTrials.Sync.State;

/// <summary>
/// The state store over ADO.NET: one schema and one set of statements for SQLite and PostgreSQL (both
/// speak <c>INSERT … ON CONFLICT … DO UPDATE</c>); subclasses open connections and supply the locks.
/// </summary>
public abstract partial class SqlSyncStateStore : ISyncStateStore
{
    /// <summary>The most parameters one <c>IN (…)</c> list gets.</summary>
    private const int InListSize = 400;

    private readonly TimeProvider _time;

    protected SqlSyncStateStore(TimeProvider time) => _time = time;

    public abstract string Kind { get; }

    public abstract ISyncLocks Locks { get; }

    /// <summary>An open connection (pooled).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs inside the migration transaction before the schema script (PostgreSQL serializes concurrent migrations here).</summary>
    protected virtual Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await BeforeMigrationAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, Schema(), cancellationToken);
        await ExecuteAsync(connection, transaction, "INSERT INTO sync_meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT value FROM sync_meta WHERE key = @key", ("key", key));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetMetaAsync(string key, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "INSERT INTO sync_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("key", key), ("value", value));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> SourceHashesAsync(CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT path, hash FROM sync_source");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result[reader.GetString(0)] = reader.GetString(1);
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> OrphanedTrialsAsync(CancellationToken cancellationToken)
    {
        var result = new List<string>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(
            connection,
            null,
            "SELECT t.registry_id FROM sync_trial t WHERE (t.status IN ('synced', 'conflict') OR (t.status = 'invalid' AND t.content_hash IS NOT NULL)) AND NOT EXISTS (SELECT 1 FROM sync_source_trial s WHERE s.registry_id = t.registry_id) ORDER BY t.registry_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    public async Task<StateCounts> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = await OpenAsync(cancellationToken);
        await using (var command = Command(connection, null, "SELECT status, COUNT(*) FROM sync_trial GROUP BY status"))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
            }
        }

        await using var resources = Command(connection, null, "SELECT COUNT(*) FROM sync_resource");
        var resourceCount = Convert.ToInt64(await resources.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new StateCounts(
            counts.GetValueOrDefault("synced"), counts.GetValueOrDefault("invalid"), counts.GetValueOrDefault("conflict"), counts.GetValueOrDefault("removed"), resourceCount);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>The current time as stored: ISO 8601 with offset.</summary>
    protected string Now() => _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Schema()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FhirTrials.Sync.Schema.001-initial.sql")
            ?? throw new InvalidOperationException("the state schema is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<List<string>> Batches(IEnumerable<string> items) => items.Chunk(InListSize).Select(c => c.ToList());

    private static string Status(TrialSyncStatus status) => status switch
    {
        TrialSyncStatus.Synced => "synced",
        TrialSyncStatus.Invalid => "invalid",
        TrialSyncStatus.Conflict => "conflict",
        TrialSyncStatus.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static TrialSyncStatus ParseStatus(string text) => text switch
    {
        "synced" => TrialSyncStatus.Synced,
        "invalid" => TrialSyncStatus.Invalid,
        "conflict" => TrialSyncStatus.Conflict,
        "removed" => TrialSyncStatus.Removed,
        _ => throw new InvalidOperationException($"unknown trial status '{text}' in the state store"),
    };
}
