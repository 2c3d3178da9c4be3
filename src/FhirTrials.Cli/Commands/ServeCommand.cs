using System.CommandLine;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Cli.Commands;

/// <summary><c>fhirtrials serve</c>: runs the FHIR R4 endpoint hospitals pull studies from (SQLite by default, PostgreSQL for production).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen (semicolon-separated URLs)", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
        var store = new Option<string?>("--store") { Description = $"SQLite file to serve (created on first start; default {Server.Storage.FhirStores.DefaultSqliteFile} in the current directory)" };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (Npgsql) instead of SQLite" };
        var apiKey = new Option<string?>("--api-key") { Description = $"Bearer key that writes need (default: environment variable {FhirServerApp.ApiKeyVariable}); without a key writes are refused" };
        var command = new Command("serve", "Serve the stored studies as a FHIR R4 REST API under /fhir")
        {
            urls,
            store,
            postgres,
            apiKey,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(urls)!, result.GetValue(store), result.GetValue(postgres), result.GetValue(apiKey), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string urls, string? store, string? postgres, string? apiKey, CancellationToken cancellationToken)
    {
        if (store is not null && postgres is not null)
        {
            Terminal.WriteError("give either --store or --postgres, not both");
            return ExitCodes.UsageOrIo;
        }

        var addresses = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var bad = addresses.Length == 0 ? urls : addresses.FirstOrDefault(u => !IsListenUrl(u));
        if (bad is not null)
        {
            Terminal.WriteError($"--urls: '{bad}' is not an http(s)://host:port URL");
            return ExitCodes.UsageOrIo;
        }

        WebApplication app;
        try
        {
            app = FhirServerApp.Create(addresses, options =>
            {
                if (postgres is not null)
                {
                    options.Store = "postgres";
                    options.PostgresConnectionString = postgres;
                }
                else if (store is not null)
                {
                    options.SqlitePath = store;
                }

                if (apiKey is not null)
                {
                    options.Security.ApiKey = apiKey;
                }
            },
            // Start-up failures are reported below in one line; the host would log them with a stack trace.
            services => services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None)));
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or System.Data.Common.DbException)
        {
            Terminal.WriteError("cannot start the server: " + ex.Message);
            return ExitCodes.UsageOrIo;
        }

        await using (app.ConfigureAwait(false))
        {
            foreach (var address in FhirServerApp.Addresses(app))
            {
                Console.Error.WriteLine($"FHIR R4 endpoint: {address}/fhir (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>An http(s) URL Kestrel can listen on (<c>*</c> and <c>+</c> stand for every interface).</summary>
    internal static bool IsListenUrl(string url) =>
        Uri.TryCreate(url.Replace("://*", "://any", StringComparison.Ordinal).Replace("://+", "://any", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.AbsolutePath == "/";
}
