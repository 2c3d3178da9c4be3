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

    /// <summary>A connection for searches, whose selectivity depends on the values (PostgreSQL: planned for the actual values each time).</summary>
    public virtual DbConnection CreateSearchConnection() => CreateConnection();

    /// <summary>Runs once before migrations (SQLite: WAL mode).</summary>
    public virtual Task InitializeAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Serialises concurrent migrations inside the migration transaction (PostgreSQL: an advisory lock).</summary>
    public virtual Task LockForMigrationAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Prepares a connection for a write transaction (SQLite: synchronous=NORMAL under WAL).</summary>
    public virtual Task PrepareWriteAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs after a write transaction that wrote <paramref name="writes"/> versions commits, on its connection (SQLite: keeps planner statistics current).</summary>
    public virtual Task AfterCommitAsync(DbConnection connection, int writes, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True for a unique-constraint violation (two writers creating the same id).</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>True when the database gave up on a transaction because of another one (deadlock, serialisation failure, lock timeout).</summary>
    public virtual bool IsConcurrencyFailure(DbException exception) => false;

    /// <summary>
    /// Before the first conditional search of a write transaction: serialises conditional writers, so that
    /// two "create if none exists" cannot both see none (SQLite: nothing, writers are serial already).
    /// </summary>
    public virtual Task LockConditionalAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// When a write transaction finds no row for <c>type/id</c>: serialises the writers about to create it,
    /// so that the second sees the first's row instead of failing on the unique key. Returns true when it
    /// waited on a lock (the row must be read again).
    /// </summary>
    public virtual Task<bool> LockMissingAsync(DbConnection connection, DbTransaction transaction, string type, string id, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>Runs a statement that takes no parameters.</summary>
    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new SqlBuilder().Append(sql).CreateCommand(connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
