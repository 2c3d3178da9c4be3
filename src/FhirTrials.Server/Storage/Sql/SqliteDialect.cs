using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>SQLite through Microsoft.Data.Sqlite: one file, created on first use, WAL journal, pooled connections.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraint = 19;
    private readonly string _connectionString;

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

    public override Task PrepareWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, null, "PRAGMA synchronous=NORMAL;", cancellationToken);

    public override bool IsUniqueViolation(DbException exception) => exception is SqliteException { SqliteErrorCode: SqliteConstraint };
}
