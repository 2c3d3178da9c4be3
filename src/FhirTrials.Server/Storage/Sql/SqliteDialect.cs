using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>SQLite through Microsoft.Data.Sqlite: one file, created on first use, WAL journal, pooled connections.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;

    // Planner statistics are refreshed (PRAGMA optimize: SQLite re-analyses only tables that changed a
    // lot) at start and after this many written versions: without them SQLite drives searches from the
    // resource table instead of the selective index.
    private const int WritesPerOptimize = 1000;
    private readonly string _connectionString;
    private int _writesSinceOptimize = WritesPerOptimize;

    public SqliteDialect(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string Path { get; }

    public override string Kind => "sqlite";

    public override string SchemaFolder => "Sqlite";

    public override bool SingleWriter => true;

    public override string ForUpdate => string.Empty;

    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    public override Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);

    public override Task AfterCommitAsync(DbConnection connection, int writes, CancellationToken cancellationToken)
    {
        if (Interlocked.Add(ref _writesSinceOptimize, writes) < WritesPerOptimize)
        {
            return Task.CompletedTask;
        }

        Interlocked.Exchange(ref _writesSinceOptimize, 0);
        return OptimizeAsync(connection, cancellationToken);
    }

    /// <summary>Refreshes planner statistics of tables whose size changed (bounded work: analysis_limit).</summary>
    public static Task OptimizeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA analysis_limit=2000; PRAGMA optimize=0x10002;", cancellationToken);

    public override Task PrepareWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL;", cancellationToken);

    public override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };
}
