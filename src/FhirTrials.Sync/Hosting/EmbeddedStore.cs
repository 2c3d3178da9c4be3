using FhirTrials.Server.Hosting;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using FhirTrials.Sync.Targets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Sync.Hosting;

/// <summary>
/// The embedded FHIR store without its HTTP endpoint: the server's services over an SQLite file, for
/// <c>fhirtrials sync</c> without <c>--target</c> (the same file <c>fhirtrials serve --store</c> serves).
/// </summary>
public sealed class EmbeddedStore : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EmbeddedStore(ServiceProvider services) => _services = services;

    public IFhirStore Store => _services.GetRequiredService<IFhirStore>();

    public IFhirTransactionProcessor Processor => _services.GetRequiredService<IFhirTransactionProcessor>();

    /// <summary>A sync target writing this store.</summary>
    public ISyncTarget Target => new EmbeddedSyncTarget(Processor, Store, _services.GetRequiredService<FhirServerOptions>().MaxBundleEntries);

    /// <summary>Opens (creating or migrating) the store in <paramref name="sqlitePath"/>.</summary>
    public static async Task<EmbeddedStore> OpenAsync(string sqlitePath, TimeProvider? time = null, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        if (loggerFactory is not null)
        {
            services.AddSingleton(loggerFactory);
        }

        services.AddLogging();
        services.AddFhirServer(o =>
        {
            o.Store = "sqlite";
            o.SqlitePath = sqlitePath;
        });
        var provider = services.BuildServiceProvider();
        var store = new EmbeddedStore(provider);
        try
        {
            await store.Store.MigrateAsync(cancellationToken);
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return store;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
