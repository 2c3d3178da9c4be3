using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FhirTrials.Sync.State;

/// <summary>
/// The state in an SQLite file (WAL journal, so a killed process loses nothing committed); locks are
/// in-process, keyed by the file, so several engines in one process sharing the file still serialize.
/// </summary>
public sealed class SqliteSyncStateStore : SqlSyncStateStore
{
    private readonly string _connectionString;

    public SqliteSyncStateStore(string path, TimeProvider? time = null)
        : base(time ?? TimeProvider.System)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
        Locks = new InProcessLocks("sqlite:" + Path);
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    public override string Kind => "sqlite";

    public override ISyncLocks Locks { get; }

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 60000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
