using FhirTrials.Server.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Server.Hosting;

/// <summary>Creates or migrates the store's schema while the host starts, before the server accepts requests.</summary>
internal sealed partial class StoreMigrationService : IHostedLifecycleService
{
    private readonly IFhirStore _store;
    private readonly ILogger<StoreMigrationService> _logger;

    public StoreMigrationService(IFhirStore store, ILogger<StoreMigrationService> logger)
    {
        _store = store;
        _logger = logger;
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var version = await _store.MigrateAsync(cancellationToken);
        LogReady(_logger, _store.Kind, version);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "FHIR store ready: {Kind}, schema version {Version}")]
    private static partial void LogReady(ILogger logger, string kind, int version);
}
