using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FhirTrials.Server.Hosting;

/// <summary>Builds the stand-alone server: Kestrel, configuration (section <c>FhirServer</c>, environment), the FHIR services and endpoints.</summary>
public static class FhirServerApp
{
    /// <summary>The environment variable holding the write API key.</summary>
    public const string ApiKeyVariable = "FHIRTRIALS_API_KEY";

    /// <summary>
    /// Creates the application listening on <paramref name="urls"/> (e.g. <c>http://127.0.0.1:8080</c>; port 0
    /// picks a free one). <paramref name="configure"/> runs after configuration and the environment are read.
    /// </summary>
    public static WebApplication Create(string[] urls, Action<FhirServerOptions>? configure = null, Action<IServiceCollection>? services = null, string[]? args = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args ?? []);
        builder.WebHost.UseUrls(urls);
        var section = builder.Configuration.GetSection(FhirServerOptions.SectionName);
        var options = new FhirServerOptions();
        section.Bind(options);
        options.Security.ApiKey ??= Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;
        configure?.Invoke(options);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        services?.Invoke(builder.Services);
        builder.Services.AddFhirServer(o => Copy(options, o));
        var app = builder.Build();
        app.UseFhirServer();
        app.MapFhirServer();
        return app;
    }

    /// <summary>The addresses the started server listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
    }

    private static void Copy(FhirServerOptions from, FhirServerOptions to)
    {
        to.Store = from.Store;
        to.SqlitePath = from.SqlitePath;
        to.PostgresConnectionString = from.PostgresConnectionString;
        to.BasePath = from.BasePath;
        to.PublicBaseUrl = from.PublicBaseUrl;
        to.MaxBundleEntries = from.MaxBundleEntries;
        to.MaxRequestBodyBytes = from.MaxRequestBodyBytes;
        to.Search = from.Search;
        to.Security = from.Security;
        to.Export = from.Export;
    }
}
