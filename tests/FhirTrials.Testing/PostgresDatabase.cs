using Npgsql;

namespace FhirTrials.Testing;

/// <summary>
/// The PostgreSQL server tests use, named by FHIRTRIALS_TEST_POSTGRES (an Npgsql connection string;
/// <c>.ci/postgres.sh</c> starts a throwaway server and sets it). Each fixture gets its own schema.
/// </summary>
public static class PostgresDatabase
{
    public const string Variable = "FHIRTRIALS_TEST_POSTGRES";

    public const string SkipReason = "PostgreSQL tests need " + Variable + " (an Npgsql connection string); source .ci/postgres.sh to start a throwaway server and set it";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Available => ConnectionString is not null;

    /// <summary>Creates a fresh schema and returns a connection string whose search path is that schema.</summary>
    public static async Task<(string ConnectionString, string Schema)> CreateSchemaAsync()
    {
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema };
        return (builder.ConnectionString, schema);
    }

    public static Task DropSchemaAsync(string schema) => ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
