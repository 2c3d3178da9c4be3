using FhirTrials.Sync.Client;
using FhirTrials.Sync.Client.Auth;

namespace FhirTrials.Sync.Tests.Client;

/// <summary>Clients for tests: fast retries unless a test sets its own.</summary>
internal static class ClientFactory
{
    public static FhirClient Create(string baseUrl, Action<FhirClientOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new FhirClientOptions
        {
            BaseUrl = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(10),
            Retry = { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) },
            CircuitBreaker = { Enabled = false },
            Auth = new FhirAuthOptions(),
        };
        configure?.Invoke(options);
        return new FhirClient(options, time);
    }
}
