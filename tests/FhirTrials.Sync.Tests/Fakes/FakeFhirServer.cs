using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FhirTrials.Sync.Tests.Fakes;

/// <summary>
/// A small FHIR R4 server in Kestrel for tests, with the habits of real ones: bundle limits (413 or
/// Microsoft's 400), throttling (429 + Retry-After), 5xx bursts, dropped connections, slow answers,
/// version-aware updates (412), and optionally HAPI's racy conditional writes. Every request is
/// logged; <see cref="Intercept"/> lets a test script answers.
/// </summary>
public sealed partial class FakeFhirServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Random _random;

    private FakeFhirServer(WebApplication app, FakeBehavior behavior)
    {
        _app = app;
        Behavior = behavior;
        _random = new Random(behavior.Faults.Seed);
    }

    public FakeBehavior Behavior { get; }

    public FakeStore Store { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request: method, path and query, and what happened.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>Runs first for every request; returning true means it answered.</summary>
    public Func<HttpContext, Task<bool>>? Intercept { get; set; }

    /// <summary>How many faults were injected.</summary>
    public int FaultsInjected => Requests.Count(r => r.Fault is not null);

    public static async Task<FakeFhirServer> StartAsync(FakeBehavior? behavior = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeFhirServer(app, behavior ?? new FakeBehavior());
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/fhir";
        return server;
    }

    /// <summary>Reads under the server's lock.</summary>
    public T Read<T>(Func<FakeStore, T> read)
    {
        lock (_gate)
        {
            return read(Store);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? string.Empty;
        var log = new FakeRequest(request.Method, path + request.QueryString, request.Headers.IfMatch.ToString());
        Requests.Enqueue(log);
        if (Intercept is { } intercept && await intercept(context))
        {
            return;
        }

        if (Behavior.RequiredToken is { } token && request.Headers.Authorization.ToString() != "Bearer " + token && !path.EndsWith("/metadata", StringComparison.Ordinal))
        {
            await WriteOutcomeAsync(context, 401, "login", "no or wrong bearer token");
            return;
        }

        var fault = path.EndsWith("/metadata", StringComparison.Ordinal) ? null : DrawFault(log.Method + " " + path);
        log.Fault = fault;
        switch (fault)
        {
            case FaultKind.Throttle or FaultKind.Unavailable:
                context.Response.Headers.RetryAfter = Behavior.Faults.RetryAfterAsDate
                    ? DateTimeOffset.UtcNow.AddSeconds(Behavior.Faults.RetryAfterSeconds).ToString("R", System.Globalization.CultureInfo.InvariantCulture)
                    : Behavior.Faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteOutcomeAsync(context, fault == FaultKind.Throttle ? 429 : 503, "throttled", "try again later");
                return;
            case FaultKind.ServerError:
                await WriteOutcomeAsync(context, 500, "exception", "injected server error");
                return;
            case FaultKind.DropBefore:
                context.Abort();
                return;
            case FaultKind.Slow:
                await Task.Delay(Behavior.Faults.SlowDelay, CancellationToken.None);
                break;
            default:
                break;
        }

        var (status, body, headers) = await ProcessAsync(request, path, log);
        if (fault == FaultKind.DropAfter)
        {
            context.Abort();
            return;
        }

        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        log.Status = status;
        context.Response.StatusCode = status;
        if (body is not null)
        {
            context.Response.ContentType = "application/fhir+json";
            await context.Response.Body.WriteAsync(body);
        }
    }

    private FaultKind? DrawFault(string operation)
    {
        var faults = Behavior.Faults;
        if (faults.Rate <= 0 || faults.Kinds.Count == 0 || (faults.Applies is { } applies && !applies(operation)))
        {
            return null;
        }

        lock (_random)
        {
            return _random.NextDouble() < faults.Rate ? faults.Kinds[_random.Next(faults.Kinds.Count)] : null;
        }
    }

    private async Task<(int Status, byte[]? Body, List<(string, string)> Headers)> ProcessAsync(HttpRequest request, string path, FakeRequest log)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var query = request.QueryString.Value?.TrimStart('?') ?? string.Empty;
        try
        {
            JsonObject? body = null;
            if (request.ContentLength is > 0 || request.Headers.ContentType.Count > 0)
            {
                body = JsonNode.Parse(await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync()) as JsonObject;
            }

            return (request.Method, segments) switch
            {
                ("GET", ["metadata"]) => (200, Metadata(), []),
                ("POST", []) => await BundleAsync(body ?? throw new FakeFhirException(400, "no Bundle"), log),
                ("GET", []) => (200, SearchPage(string.Empty, query), []),
                ("GET", [var type]) => (200, SearchPage(type, query), []),
                ("GET", [var type, var id]) => ReadOne(type, id),
                ("PUT", [var type]) => await WriteOneAsync(new EntryRequest("PUT", type + "?" + query, null, null, body!, null)),
                ("PUT", [var type, var id]) => await WriteOneAsync(new EntryRequest("PUT", type + "/" + id, request.Headers.IfMatch.ToString() is { Length: > 0 } m ? m : null, null, body!, null)),
                ("POST", [var type]) => await WriteOneAsync(new EntryRequest("POST", type, null, request.Headers["If-None-Exist"].ToString() is { Length: > 0 } n ? n : null, body!, null)),
                ("DELETE", [var type, var id]) => await WriteOneAsync(new EntryRequest("DELETE", type + "/" + id, null, null, null, null)),
                _ => throw new FakeFhirException(404, $"no route for {request.Method} {path}"),
            };
        }
        catch (FakeFhirException ex)
        {
            log.Status = ex.Status;
            return (ex.Status, Outcome(ex.Status >= 500 ? "exception" : "processing", ex.Message), []);
        }
        catch (JsonException ex)
        {
            return (400, Outcome("structure", ex.Message), []);
        }
    }

    private (int, byte[]?, List<(string, string)>) ReadOne(string type, string id)
    {
        lock (_gate)
        {
            var current = Store.Current(type, id);
            return current switch
            {
                null => (404, Outcome("not-found", $"{type}/{id} is not known"), []),
                { Deleted: true } => (410, Outcome("deleted", $"{type}/{id} was deleted"), []),
                _ => (200, JsonSerializer.SerializeToUtf8Bytes(current.Resource), [("ETag", $"W/\"{current.VersionId}\"")]),
            };
        }
    }

    private static Task WriteOutcomeAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/fhir+json";
        return context.Response.Body.WriteAsync(Outcome(code, message)).AsTask();
    }

    internal static byte[] Outcome(string code, string message) => JsonSerializer.SerializeToUtf8Bytes(new JsonObject
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = code, ["diagnostics"] = message }),
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request a fake server saw: what, the If-Match it carried, the fault injected and the status answered.</summary>
public sealed class FakeRequest(string method, string pathAndQuery, string ifMatch)
{
    public string Method { get; } = method;

    public string PathAndQuery { get; } = pathAndQuery;

    public string IfMatch { get; } = ifMatch;

    public FaultKind? Fault { get; set; }

    public int Status { get; set; }

    /// <summary>The entries of a Bundle posted to the base.</summary>
    public int Entries { get; set; }
}
