using System.Data.Common;

namespace FhirTrials.Server.Storage.Sql;

/// <summary>What differs between the databases the store runs on; the SQL itself is shared.</summary>
internal abstract class SqlDialect
{
    /// <summary>"sqlite" or "postgres".</summary>
    public abstract string Kind { get; }

    /// <summary>The folder of the embedded migration scripts.</summary>
    public abstract string SchemaFolder { get; }

    /// <summary>True when only one writer may run at a time (SQLite): writers queue in-process.</summary>
    public abstract bool SingleWriter { get; }

    /// <summary>Appended to a SELECT that reads a row about to be updated (<c> FOR UPDATE</c>).</summary>
    public abstract string ForUpdate { get; }

    public abstract DbConnection CreateConnection();

    /// <summary>Runs once before migrations (SQLite: WAL mode).</summary>
    public virtual Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises concurrent migrations inside the migration transaction (PostgreSQL: an advisory lock).</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Prepares a connection for a write transaction (SQLite: synchronous=NORMAL under WAL).</summary>
    public virtual Task PrepareWriteAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True for a unique-constraint violation (two writers creating the same id).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Runs a statement that takes no parameters.</summary>
    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqlBuilder().Append(sql).CreateCommand(connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
