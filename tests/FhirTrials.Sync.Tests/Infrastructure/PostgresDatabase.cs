using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server tests use, named by FHIRTRIALS_TEST_POSTGRES (an Npgsql connection string;
/// <c>.ci/postgres.sh</c> starts a throwaway server and sets it). Each user gets its own schema.
/// </summary>
public static class PostgresDatabase
{
    public const string Variable = "FHIRTRIALS_TEST_POSTGRES";

    public const string SkipReason = "PostgreSQL tests need " + Variable + " (an Npgsql connection string); source .ci/postgres.sh to start a throwaway server and set it";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool Available => ConnectionString is not null;

    /// <summary>Creates a fresh schema; returns a connection string whose search path is that schema.</summary>
    public static async Task<(string ConnectionString, string Schema)> CreateSchemaAsync()
    {
        var schema = "sync_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE SCHEMA {schema}");
        return (new NpgsqlConnectionStringBuilder(ConnectionString) { SearchPath = schema }.ConnectionString, schema);
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

/// <summary>Marks test classes that need PostgreSQL: their <see cref="StoreFactAttribute"/> tests are skipped, with the reason, without a server.</summary>
public interface IPostgresTests;

/// <summary>A fact of a store-agnostic base class: it runs for each concrete class; PostgreSQL classes without a server skip it with a reason.</summary>
[XunitTestCaseDiscoverer("FhirTrials.Sync.Tests.Infrastructure.StoreFactDiscoverer", "FhirTrials.Sync.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        typeof(IPostgresTests).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType()) && !PostgresDatabase.Available
            ? [new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, PostgresDatabase.SkipReason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}
