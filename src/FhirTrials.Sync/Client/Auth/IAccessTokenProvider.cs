namespace FhirTrials.Sync.Client.Auth;

/// <summary>Gives the bearer token for requests; providers that can obtain new tokens cache and renew them.</summary>
public interface IAccessTokenProvider
{
    /// <summary>A token valid now; <paramref name="forceRefresh"/> asks for a new one (after a 401).</summary>
    ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);

    /// <summary>True when <see cref="GetTokenAsync"/> with a forced refresh can give a different token.</summary>
    bool CanRefresh { get; }
}

/// <summary>A fixed token (an API key).</summary>
public sealed class StaticTokenProvider : IAccessTokenProvider
{
    private readonly string _token;

    public StaticTokenProvider(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = token;
    }

    public bool CanRefresh => false;

    public ValueTask<string> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => ValueTask.FromResult(_token);
}
