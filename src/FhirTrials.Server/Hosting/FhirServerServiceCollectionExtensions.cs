using FhirTrials.Server.Capabilities;
using FhirTrials.Server.Export;
using FhirTrials.Server.Indexing;
using FhirTrials.Server.Matching;
using FhirTrials.Server.Search;
using FhirTrials.Server.Search.Paging;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using FhirTrials.Server.Validation;
using FhirTrials.Server.Writing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FhirTrials.Server.Hosting;

/// <summary>Registers the FHIR server's services (store, search, writing, transactions, capabilities, export, matching).</summary>
public static class FhirServerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the server. Replace <see cref="IResourceValidator"/>, <see cref="IStudyMatcher"/> or
    /// <see cref="TimeProvider"/> by registering your own before calling this.
    /// </summary>
    public static IServiceCollection AddFhirServer(this IServiceCollection services, Action<FhirServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<FhirServerOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<FhirServerOptions>>().Value);
        services.TryAddSingleton(sp => sp.GetRequiredService<FhirServerOptions>().Search);
        services.TryAddSingleton(sp => CreateStore(sp.GetRequiredService<FhirServerOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(SearchParameterRegistry.Default);
        services.TryAddSingleton(sp => new SearchIndexer(
            sp.GetRequiredService<SearchParameterRegistry>(),
            sp.GetRequiredService<FhirServerOptions>().PublicBaseUrl is { Length: > 0 } publicBase ? [publicBase] : null));
        services.TryAddSingleton<IResourceValidator, StructuralValidator>();
        services.TryAddSingleton<SearchQueryParser>();
        services.TryAddSingleton<SearchSnapshots>();
        services.TryAddSingleton<SearchService>();
        services.TryAddSingleton<ConditionalSearch>();
        services.TryAddSingleton<ResourceWriter>();
        services.TryAddSingleton<IFhirTransactionProcessor>(sp => new TransactionProcessor(
            sp.GetRequiredService<IFhirStore>(),
            sp.GetRequiredService<ResourceWriter>(),
            sp.GetRequiredService<ConditionalSearch>(),
            sp.GetRequiredService<SearchService>(),
            sp.GetRequiredService<IResourceValidator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<FhirServerOptions>().MaxBundleEntries,
            sp.GetRequiredService<FhirServerOptions>().PublicBaseUrl ?? "http://localhost/fhir"));
        services.TryAddSingleton<CapabilityStatementBuilder>();
        services.TryAddSingleton<ExportJobs>();
        services.TryAddSingleton<IStudyMatcher, BasicStudyMatcher>();
        services.AddHostedService<StoreMigrationService>();
        services.AddHostedService<ExportWorker>();
        return services;
    }

    /// <summary>The store the options name: the SQLite file (default) or PostgreSQL.</summary>
    public static IFhirStore CreateStore(FhirServerOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Store.ToUpperInvariant() switch
        {
            "SQLITE" => FhirStores.Sqlite(options.SqlitePath, time),
            "POSTGRES" or "POSTGRESQL" => FhirStores.Postgres(
                options.PostgresConnectionString ?? throw new InvalidOperationException("FhirServer:PostgresConnectionString is required when the store is postgres"),
                time),
            _ => throw new InvalidOperationException($"unknown store '{options.Store}': use sqlite or postgres"),
        };
    }
}
