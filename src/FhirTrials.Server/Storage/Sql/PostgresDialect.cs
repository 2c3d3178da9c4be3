using System.Data.Common;
using Npgsql;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>PostgreSQL through Npgsql (pooled data sources: one for searches, one for the rest); concurrent writers lock rows.</summary>
internal sealed class PostgresDialect : SqlDialect, IDisposable
{
    // Arbitrary application-wide keys of advisory locks: the migration lock ("FHIRTRLS"), the lock of
    // conditional writers ("FHIRCOND"), and the class of per-resource creation locks ("FTRK"; the
    // two-integer key space is apart from the 64-bit one).
    private const long MigrationLockKey = 0x4648495254524C53;
    private const long ConditionalLockKey = 0x46484952434F4E44;
    private const int CreateLockClass = 0x4654524B;
    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlDataSource _searchSource;

    public PostgresDialect(string connectionString)
    {
        // Every statement repeats in a few shapes: let Npgsql prepare them server-side (planning costs
        // more than executing them), unless the connection string says otherwise.
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);

        // Searches get plans made for their actual values: a generic plan cannot see how selective a
        // value is and may walk the whole resource table in key order to find a few rare matches. Reads,
        // includes and writes have fixed shapes and keep PostgreSQL's cached generic plans (planning a
        // search and its two includes afresh each time doubled the database's work per search).
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c plan_cache_mode=force_custom_plan";
        }

        _searchSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public override string Kind => "postgres";

    public override string SchemaFolder => "Postgres";

    public override bool SingleWriter => false;

    public override string ForUpdate => " FOR UPDATE";

    public override DbConnection CreateConnection() => _dataSource.CreateConnection();

    public override DbConnection CreateSearchConnection() => _searchSource.CreateConnection();

    public override Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, new SqlBuilder().Append("SELECT pg_advisory_xact_lock(").AppendParam(MigrationLockKey).Append(')'), cancellationToken);

    public override Task LockConditionalAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        LockAsync(connection, transaction, new SqlBuilder().Append("SELECT pg_advisory_xact_lock(").AppendParam(ConditionalLockKey).Append(')'), cancellationToken);

    public override async Task<bool> LockMissingAsync(DbConnection connection, DbTransaction transaction, string type, string id, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder().Append("SELECT pg_advisory_xact_lock(").AppendParam(CreateLockClass).Append(", hashtext(").AppendParam(type + "/" + id).Append("))");
        await LockAsync(connection, transaction, sql, cancellationToken);
        return true;
    }

    public override bool IsUniqueViolation(DbException exception) => exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override bool IsConcurrencyFailure(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.LockNotAvailable };

    private static async Task LockAsync(DbConnection connection, DbTransaction transaction, SqlBuilder sql, CancellationToken cancellationToken)
    {
        await using var command = sql.CreateCommand(connection, transaction);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public void Dispose()
    {
        _dataSource.Dispose();
        _searchSource.Dispose();
    }
}
