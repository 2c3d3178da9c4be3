using FhirTrials.Server.Storage;
using FhirTrials.Server.Tests.Infrastructure;
using FhirTrials.Testing;

namespace FhirTrials.Server.Tests.Storage;

/// <summary>Several server instances starting at once on one empty database: the schema is created once, and every instance starts.</summary>
public abstract class MigrationConcurrencyTests : IAsyncLifetime
{
    private const int Instances = 4;

    /// <summary>A store over the database all instances share.</summary>
    protected abstract IFhirStore NewStore();

    /// <summary>How many migrations the database recorded.</summary>
    protected abstract Task<long> RecordedMigrationsAsync();

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    [StoreFact]
    public async Task Migrate_InstancesStartingAtOnce_SchemaCreatedOnce()
    {
        var stores = Enumerable.Range(0, Instances).Select(_ => NewStore()).ToArray();
        try
        {
            using var start = new SemaphoreSlim(0);
            var migrations = stores.Select(async store =>
            {
                await start.WaitAsync();
                return await store.MigrateAsync(CancellationToken.None);
            }).ToArray();
            start.Release(Instances);

            var versions = await Task.WhenAll(migrations);

            Assert.All(versions, v => Assert.Equal(2, v));
            Assert.Equal(2, await RecordedMigrationsAsync());
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }
}

public sealed class SqliteMigrationConcurrencyTests : MigrationConcurrencyTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirtrials-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "fhirtrials.db");

    protected override IFhirStore NewStore() => FhirStores.Sqlite(DatabasePath);

    protected override async Task<long> RecordedMigrationsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + DatabasePath);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

public sealed class PostgresMigrationConcurrencyTests : MigrationConcurrencyTests, IPostgresTests
{
    private string? _connectionString;
    private string? _schema;

    protected override IFhirStore NewStore() => FhirStores.Postgres(_connectionString!);

    protected override async Task<long> RecordedMigrationsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public override async Task InitializeAsync()
    {
        if (PostgresDatabase.Available)
        {
            (_connectionString, _schema) = await PostgresDatabase.CreateSchemaAsync();
        }
    }

    public override Task DisposeAsync() => _schema is null ? Task.CompletedTask : PostgresDatabase.DropSchemaAsync(_schema);
}
