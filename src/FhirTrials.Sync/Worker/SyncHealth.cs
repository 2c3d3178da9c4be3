using FhirTrials.Sync.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirTrials.Sync.Worker;

/// <summary><c>GET /health</c>: the worker's status as JSON (200, or 503 while failing).</summary>
public static class SyncHealth
{
    public static IEndpointConventionBuilder MapSyncHealth(this IEndpointRouteBuilder endpoints, string path = "/health")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapGet(path, async (HttpContext context, SyncStatus status, IOptions<SyncOptions> options) =>
        {
            context.Response.StatusCode = status.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "application/json";
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.Body.WriteAsync(status.ToJson(options.Value.WorkerId), context.RequestAborted);
        });
    }
}

/// <summary>A small Kestrel endpoint serving <c>/health</c> on <see cref="HealthOptions.Urls"/> (nothing when unset).</summary>
public sealed class SyncHealthServer : IHostedService, IAsyncDisposable
{
    private readonly SyncOptions _options;
    private readonly SyncStatus _status;
    private readonly ILoggerFactory _loggers;
    private WebApplication? _app;

    public SyncHealthServer(IOptions<SyncOptions> options, SyncStatus status, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _status = status;
        _loggers = loggers;
    }

    /// <summary>The addresses it listens on once started.</summary>
    public IReadOnlyList<string> Addresses => _app?.Urls.ToList() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.Health.Urls is not { Length: > 0 } urls)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Services.AddSingleton(_status);
        builder.Services.AddSingleton(Options.Create(_options));
        builder.Services.AddSingleton(_loggers);
        _app = builder.Build();
        _app.MapSyncHealth();
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
