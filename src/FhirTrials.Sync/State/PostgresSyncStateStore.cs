using System.Data.Common;
using Npgsql;

namespace FhirTrials.Sync.State;

/// <summary>
/// The state in PostgreSQL, for several workers at once: writes per registry id are serialized across
/// processes with session advisory locks (released by the server when a worker dies).
/// </summary>
public sealed class PostgresSyncStateStore : SqlSyncStateStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresSyncStateStore(string connectionString, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Locks = new AdvisoryLocks(_dataSource, $"{builder.Host}:{builder.Port}/{builder.Database}/{builder.SearchPath}");
    }

    public override string Kind => "postgres";

    public override ISyncLocks Locks { get; }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task BeforeMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, "SELECT pg_advisory_xact_lock(@key)", ("key", AdvisoryLocks.KeyOf("migration", "fhirtrials-sync-schema")));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
