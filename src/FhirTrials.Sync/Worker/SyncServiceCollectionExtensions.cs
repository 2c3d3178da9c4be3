using System.Diagnostics.Metrics;
using FhirTrials.Sync.Diagnostics;
using FhirTrials.Sync.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirTrials.Sync.Worker;

/// <summary>Adds the sync worker to a host.</summary>
public static class SyncServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="SyncWorker"/> (a hosted service) configured from the <c>Sync</c> section of
    /// <paramref name="configuration"/> and <paramref name="configure"/>, validated when the host starts
    /// (a bad URL, a missing folder, chunk size 0 stop it with one line each), its metrics, status and
    /// <c>/health</c> endpoint. Register an <see cref="Targets.ISyncTarget"/> first to write somewhere
    /// other than what the options name (e.g. an embedded server's store).
    /// </summary>
    public static IServiceCollection AddFhirTrialsSync(this IServiceCollection services, IConfiguration configuration, Action<SyncOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = services.AddOptions<SyncOptions>().Bind(configuration.GetSection(SyncOptions.SectionName));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SyncMetrics(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(sp => new SyncStatus(sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<HostOptions>().Configure(host =>
        {
            // Read without validation: the host's own options must not fail before validation reports properly.
            var probe = new SyncOptions();
            try
            {
                configuration.GetSection(SyncOptions.SectionName).Bind(probe);
                configure?.Invoke(probe);
            }
            catch (InvalidOperationException)
            {
                // A value that does not bind is reported by the options validation at start.
            }

            var needed = probe.ShutdownGrace + TimeSpan.FromSeconds(5);
            if (host.ShutdownTimeout < needed)
            {
                host.ShutdownTimeout = needed;
            }
        });
        services.AddHostedService<SyncWorker>();
        services.AddHostedService<SyncHealthServer>();
        return services;
    }
}
