using System.Net.Http.Headers;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Storage;
using FhirTrials.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Server.Tests.Infrastructure;

/// <summary>
/// A real server for a test class: Kestrel on 127.0.0.1 with a free port, over a fresh store (an
/// SQLite file in a temp folder, or a fresh PostgreSQL schema). Writes use <see cref="ApiKey"/>.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-0123456789";

    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>A client without the bearer token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public string BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    public IFhirStore Store => Services.GetRequiredService<IFhirStore>();

    /// <summary>The clock the server uses.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>False when the store is not available (PostgreSQL without a server): tests are skipped then.</summary>
    protected abstract bool Available { get; }

    /// <summary>Sets the store options (and whatever else a fixture needs).</summary>
    protected abstract Task ConfigureStoreAsync(FhirServerOptions options);

    protected virtual void Configure(FhirServerOptions options)
    {
    }

    protected virtual Task CleanUpStoreAsync() => Task.CompletedTask;

    /// <summary>The tables of the store's schema, read straight from the database catalogue.</summary>
    public abstract Task<IReadOnlyList<string>> TableNamesAsync();

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var options = new FhirServerOptions();
        await ConfigureStoreAsync(options);
        options.Security.ApiKey = ApiKey;
        options.Export.Directory = Path.Combine(Path.GetTempPath(), "fhirtrials-tests", Guid.NewGuid().ToString("N"), "export");
        Configure(options);
        _app = FhirServerApp.Create(
            ["http://127.0.0.1:0"],
            o =>
            {
                o.Store = options.Store;
                o.SqlitePath = options.SqlitePath;
                o.PostgresConnectionString = options.PostgresConnectionString;
                o.Security = options.Security;
                o.Search = options.Search;
                o.Export = options.Export;
                o.MaxBundleEntries = options.MaxBundleEntries;
                o.MaxRequestBodyBytes = options.MaxRequestBodyBytes;
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddLogging(logging => logging.ClearProviders());
                ConfigureServices(services);
            });
        await _app.StartAsync();
        BaseUrl = FhirServerApp.Addresses(_app)[0] + "/fhir";
        Anonymous = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl + "/") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected static async Task<IReadOnlyList<string>> ReadNamesAsync(System.Data.Common.DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Anonymous?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            await CleanUpStoreAsync();
        }
    }
}

public class SqliteServerFixture : ServerFixture
{
    private string? _folder;

    protected override bool Available => true;

    protected override Task ConfigureStoreAsync(FhirServerOptions options)
    {
        _folder = Path.Combine(Path.GetTempPath(), "fhirtrials-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        options.Store = "sqlite";
        options.SqlitePath = Path.Combine(_folder, "fhirtrials.db");
        return Task.CompletedTask;
    }

    public override async Task<IReadOnlyList<string>> TableNamesAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + Path.Combine(_folder!, "fhirtrials.db"));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name";
        return await ReadNamesAsync(command);
    }

    protected override Task CleanUpStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}

public class PostgresServerFixture : ServerFixture
{
    private string? _schema;

    protected override bool Available => PostgresDatabase.Available;

    protected override async Task ConfigureStoreAsync(FhirServerOptions options)
    {
        var (connectionString, schema) = await PostgresDatabase.CreateSchemaAsync();
        _schema = schema;
        options.Store = "postgres";
        options.PostgresConnectionString = connectionString;
    }

    protected override Task CleanUpStoreAsync() => _schema is null ? Task.CompletedTask : PostgresDatabase.DropSchemaAsync(_schema);

    public override async Task<IReadOnlyList<string>> TableNamesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name";
        command.Parameters.AddWithValue("schema", _schema!);
        return await ReadNamesAsync(command);
    }
}
