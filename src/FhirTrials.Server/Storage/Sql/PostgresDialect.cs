using System.Data.Common;
using Npgsql;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>PostgreSQL through Npgsql (one pooled data source); concurrent writers lock rows.</summary>
internal sealed class PostgresDialect : SqlDialect, IDisposable
{
    // An arbitrary application-wide key for the migration advisory lock ("FHIRTRLS").
    private const long MigrationLockKey = 0x4648495254524C53;
    private readonly NpgsqlDataSource _dataSource;

    public PostgresDialect(string connectionString)
    {
        // Searches repeat the same few statement shapes: let Npgsql prepare them server-side (planning
        // costs more than executing them), unless the connection string says otherwise.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        // A generic plan cannot see how selective a search value is and may walk the whole resource
        // table in key order; custom plans are made for the actual values.
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c plan_cache_mode=force_custom_plan";
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

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
