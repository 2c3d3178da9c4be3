using FhirTrials.Server.Storage.Sql;

namespace FhirTrials.Server.Storage;

/// <summary>Creates stores: an SQLite file (the embedded default) or a PostgreSQL database.</summary>
public static class FhirStores
{
    /// <summary>The default SQLite file name, in the current directory.</summary>
    public const string DefaultSqliteFile = "fhirtrials.db";

    /// <summary>A store in an SQLite file, created (with its schema) on first use.</summary>
    public static IFhirStore Sqlite(string path, TimeProvider? time = null) => new SqlFhirStore(new SqliteDialect(path), time ?? TimeProvider.System);

    /// <summary>A store in a PostgreSQL database (an Npgsql connection string); the schema is created on first use.</summary>
    public static IFhirStore Postgres(string connectionString, TimeProvider? time = null) => new SqlFhirStore(new PostgresDialect(connectionString), time ?? TimeProvider.System);
}
