using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FhirTrials.Sync.Client.Resilience;

/// <summary>
/// The Polly pipeline around every request: retries (exponential backoff with jitter, or the server's
/// <c>Retry-After</c> on 429 and 503), a circuit breaker, and a timeout per attempt, all on one
/// <see cref="TimeProvider"/>. A request that may not be repeated safely is retried only when the
/// server certainly did not act on it (429, 503, a refused connection).
/// </summary>
public static class FhirResilience
{
    /// <summary>Set on the resilience context: true when repeating the request cannot change the outcome.</summary>
    public static readonly ResiliencePropertyKey<bool> Idempotent = new("fhirtrials.idempotent");

    public static ResiliencePipeline<HttpResponseMessage> Create(FhirClientOptions options, TimeProvider time, Action<string>? onRetry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.Retry.MaxAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.Retry.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.Retry.BaseDelay,
                MaxDelay = options.Retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Delay(args.Outcome.Result, time.GetUtcNow(), options.Retry.MaxRetryAfter)),
                OnRetry = args =>
                {
                    onRetry?.Invoke(Describe(args.Outcome) + $"; retry {args.AttemptNumber + 1} in {args.RetryDelay.TotalSeconds:0.###} s");
                    return ValueTask.CompletedTask;
                },
            });
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.CircuitBreaker.FailureRatio,
                MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
                SamplingDuration = options.CircuitBreaker.SamplingDuration,
                BreakDuration = options.CircuitBreaker.BreakDuration,
                ShouldHandle = args => ValueTask.FromResult(IsServerFailure(args.Outcome)),
            });
        }

        builder.AddTimeout(options.Timeout);
        return builder.Build();
    }

    /// <summary>True for answers and errors worth another attempt of this request.</summary>
    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var idempotent = context.Properties.GetValue(Idempotent, false);
        if (outcome.Result is { } response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable => true,
                HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout => idempotent,
                _ => false,
            };
        }

        return outcome.Exception switch
        {
            HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => true,
            HttpRequestException or TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>What counts against the circuit: no answer, or a server error (not 4xx, not 429 throttling).</summary>
    internal static bool IsServerFailure(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? (int)response.StatusCode >= 500
            : outcome.Exception is HttpRequestException or TimeoutRejectedException;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"{(int)response.StatusCode} {OperationOutcomes.ReasonPhrase(response.StatusCode)}" : outcome.Exception?.GetType().Name ?? "failure";

    /// <summary>True for the exceptions the pipeline throws when no answer came.</summary>
    public static bool IsNoAnswer(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException;
}
