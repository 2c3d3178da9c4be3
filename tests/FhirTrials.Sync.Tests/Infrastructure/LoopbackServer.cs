using System.Net.Http.Headers;
using FhirTrials.Server.Hosting;
using FhirTrials.Server.Storage;
using FhirTrials.Server.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>The project's own FHIR server on 127.0.0.1 (a free port) over a fresh SQLite file; writes need <see cref="ApiKey"/>.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    public const string ApiKey = "sync-test-key-0123456789";

    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, string baseUrl, string storePath)
    {
        _app = app;
        BaseUrl = baseUrl;
        StorePath = storePath;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public string BaseUrl { get; }

    public string StorePath { get; }

    /// <summary>A client with the write key, based at the FHIR base.</summary>
    public HttpClient Client { get; }

    public IFhirStore Store => _app.Services.GetRequiredService<IFhirStore>();

    public IFhirTransactionProcessor Processor => _app.Services.GetRequiredService<IFhirTransactionProcessor>();

    public static async Task<LoopbackServer> StartAsync(string storePath, int maxBundleEntries = 1000)
    {
        var app = FhirServerApp.Create(
            ["http://127.0.0.1:0"],
            o =>
            {
                o.Store = "sqlite";
                o.SqlitePath = storePath;
                o.Security.ApiKey = ApiKey;
                o.MaxBundleEntries = maxBundleEntries;
            },
            services => services.AddLogging(logging => logging.ClearProviders()));
        await app.StartAsync();
        return new LoopbackServer(app, FhirServerApp.Addresses(app)[0] + "/fhir", storePath);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
