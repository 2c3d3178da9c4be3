using System.Diagnostics;
using System.Net.Http.Headers;
using FhirTrials.Sync.Client.Auth;
using FhirTrials.Sync.Client.Resilience;
using FhirTrials.Sync.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace FhirTrials.Sync.Client;

/// <summary>
/// A FHIR R4 REST client: read, search (following <c>next</c> links verbatim), create, update
/// (conditional and version-aware), delete, transaction and batch, and the capability check. Every
/// request runs through <see cref="FhirResilience"/> (retries honouring <c>Retry-After</c>, circuit
/// breaker, per-attempt timeout) and carries the configured authorization. Failures throw
/// <see cref="FhirClientException"/> with the status and the server's OperationOutcome. Thread-safe.
/// </summary>
public sealed partial class FhirClient : IDisposable
{
    private const string FhirJson = "application/fhir+json";
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeProvider _time;
    private readonly SyncMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly IDisposable? _tokens;
    private readonly string _base;

    /// <param name="options">The server and how to reach it (<see cref="FhirClientOptions.BaseUrl"/> is required).</param>
    /// <param name="time">The clock of retries, timeouts, the circuit breaker and token expiry.</param>
    /// <param name="metrics">Where request latencies are recorded (optional).</param>
    /// <param name="logger">Where retries are logged (optional).</param>
    /// <param name="handler">The innermost handler (tests; default a pooled <see cref="SocketsHttpHandler"/>); not disposed by the client.</param>
    public FhirClient(FhirClientOptions options, TimeProvider? time = null, SyncMetrics? metrics = null, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        BaseUrl = options.BaseUrl ?? throw new ArgumentException("the FHIR base URL is required", nameof(options));
        _base = BaseUrl.ToString().TrimEnd('/');
        _time = time ?? TimeProvider.System;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        var inner = handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
        var tokenHttp = new HttpClient(inner, disposeHandler: false) { Timeout = options.Timeout };
        var tokens = CreateTokenProvider(options.Auth, tokenHttp, _time, BaseUrl);
        _tokens = tokens as IDisposable;
        HttpMessageHandler chain = tokens is null ? inner : new BearerTokenHandler(tokens, BaseUrl, inner);
        _http = new HttpClient(chain, disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        _pipeline = FhirResilience.Create(options, _time, reason => LogRetry(_logger, reason));
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The absolute URL of <paramref name="relative"/> (<c>Type/id</c>, <c>Type?query</c>, <c>metadata</c>) under the base.</summary>
    public Uri Resolve(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        return Uri.TryCreate(relative, Verbatim, out var absolute) && absolute.IsAbsoluteUri && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(_base + "/" + relative.TrimStart('/'), Verbatim);
    }

    /// <summary>Sends one request through the resilience pipeline; throws <see cref="FhirClientException"/> unless the answer is a success or in <paramref name="accept"/>.</summary>
    public async Task<FhirResponse> SendAsync(FhirRequest request, CancellationToken cancellationToken, params int[] accept)
    {
        ArgumentNullException.ThrowIfNull(request);
        var what = request.Method.Method + " " + request.Describe;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FhirResilience.Idempotent, request.Idempotent);
        try
        {
            using var message = await _pipeline.ExecuteAsync(SendOnceAsync, context, new SendState(this, request));
            var body = await message.Content.ReadAsByteArrayAsync(cancellationToken);
            var response = FhirResponse.From(message, body);
            if (!message.IsSuccessStatusCode && !accept.Contains((int)message.StatusCode))
            {
                throw FhirClientException.FromResponse(what, response);
            }

            return response;
        }
        catch (Exception ex) when (FhirResilience.IsNoAnswer(ex) && !cancellationToken.IsCancellationRequested)
        {
            throw new FhirClientException(0, null, $"{what}: no answer: {NoAnswerReason(ex)}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static async ValueTask<HttpResponseMessage> SendOnceAsync(ResilienceContext context, SendState state)
    {
        using var outgoing = state.Client.Build(state.Request);
        var metrics = state.Client._metrics;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var answer = await state.Client._http.SendAsync(outgoing, HttpCompletionOption.ResponseContentRead, context.CancellationToken);
            metrics?.RecordRequest(state.Request.Operation, (int)answer.StatusCode, Stopwatch.GetElapsedTime(started));
            return answer;
        }
        catch (Exception) when (metrics is not null)
        {
            metrics.RecordRequest(state.Request.Operation, 0, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }

    private HttpRequestMessage Build(FhirRequest request)
    {
        var message = new HttpRequestMessage(request.Method, Resolve(request.Url));
        if (request.Body is { } body)
        {
            message.Content = new ReadOnlyMemoryContent(body);
            message.Content.Headers.ContentType = new MediaTypeHeaderValue(FhirJson) { CharSet = "utf-8" };
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private static string NoAnswerReason(Exception ex) => ex switch
    {
        Polly.Timeout.TimeoutRejectedException => "timed out",
        Polly.CircuitBreaker.BrokenCircuitException => "the circuit is open after repeated failures; not sending for a while",
        HttpRequestException http when http.InnerException is { } inner => http.Message + " (" + inner.Message + ")",
        _ => ex.Message,
    };

    private static IAccessTokenProvider? CreateTokenProvider(FhirAuthOptions auth, HttpClient http, TimeProvider time, Uri fhirBase) => auth.Mode switch
    {
        FhirAuthMode.None => null,
        FhirAuthMode.Bearer => new StaticTokenProvider(auth.Token ?? throw new ArgumentException("bearer authentication needs a token")),
        FhirAuthMode.ClientCredentials or FhirAuthMode.SmartBackend => new OAuthTokenProvider(auth, http, time, fhirBase),
        _ => throw new ArgumentException($"unknown authentication mode {auth.Mode}"),
    };

    public void Dispose()
    {
        _http.Dispose();
        _tokens?.Dispose();
    }

    private readonly record struct SendState(FhirClient Client, FhirRequest Request);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR request failed: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}
