using FhirTrials.Sync.Client.Auth;

namespace FhirTrials.Sync.Client;

/// <summary>How a <see cref="FhirClient"/> reaches a FHIR R4 server: base URL, timeouts, retries, circuit breaker, authentication.</summary>
public sealed class FhirClientOptions
{
    /// <summary>The server's base URL, e.g. <c>https://fhir.example.org/r4</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>How long one attempt of a request may take before it is abandoned (and retried when that is safe).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public RetryOptions Retry { get; set; } = new();

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    public FhirAuthOptions Auth { get; set; } = new();

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; set; } = "FhirTrials/" + typeof(FhirClientOptions).Assembly.GetName().Version?.ToString(3);
}

/// <summary>Retries of transient failures: exponential backoff with jitter, or the server's <c>Retry-After</c>.</summary>
public sealed class RetryOptions
{
    /// <summary>Retries after the first attempt (0: none).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The first backoff delay; each further retry doubles it (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest <c>Retry-After</c> honoured; a server asking for more gets this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Stops sending for a while when most recent requests failed, so a struggling server is not hammered.</summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Off when false.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The share of failed requests (0..1] in the sampling window that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.8;

    /// <summary>The fewest requests in the window before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 20;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before a trial request is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
