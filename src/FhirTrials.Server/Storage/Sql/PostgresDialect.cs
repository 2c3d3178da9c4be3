using System.Data.Common;
using Npgsql;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>PostgreSQL through Npgsql (one pooled data source); concurrent writers lock rows.</summary>
internal sealed class PostgresDialect : SqlDialect, IDisposable
{
    // An arbitrary application-wide key for the migration advisory lock ("FHIRTRLS").
    private const long MigrationLockKey = 0x4648495254524C53;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    public override string Kind => "postgres";

    public override string SchemaFolder => "Postgres";

    public override bool SingleWriter => false;

    public override string ForUpdate => " FOR UPDATE";

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override async Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        sql.Append("SELECT pg_advisory_xact_lock(").AppendParam(MigrationLockKey).Append(')');
        await using var command = sql.CreateCommand(connection, transaction);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public void Dispose() => _dataSource.Dispose();
}
