namespace FhirTrials.Sync.Client.Auth;

/// <summary>How requests are authorized.</summary>
public enum FhirAuthMode
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>A fixed bearer token (an API key).</summary>
    Bearer,

    /// <summary>OAuth 2.0 client credentials with a client secret.</summary>
    ClientCredentials,

    /// <summary>SMART Backend Services: client credentials with a signed JWT client assertion (RS384 or ES384).</summary>
    SmartBackend,
}

/// <summary>Authentication settings of a <see cref="FhirClient"/>.</summary>
public sealed class FhirAuthOptions
{
    public FhirAuthMode Mode { get; set; } = FhirAuthMode.None;

    /// <summary>The token for <see cref="FhirAuthMode.Bearer"/>.</summary>
    public string? Token { get; set; }

    /// <summary>The OAuth token endpoint; for SMART, found in <c>[base]/.well-known/smart-configuration</c> when absent.</summary>
    public Uri? TokenEndpoint { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The secret for <see cref="FhirAuthMode.ClientCredentials"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for, e.g. <c>system/*.write system/*.read</c> (SMART) or a provider's own.</summary>
    public string? Scope { get; set; }

    /// <summary>The PEM file of the private key (RSA for RS384, P-384 EC for ES384) that signs SMART client assertions.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>The key's id (<c>kid</c>) as registered in the client's JWKS.</summary>
    public string? KeyId { get; set; }

    /// <summary>RS384 (default) or ES384.</summary>
    public string Algorithm { get; set; } = "RS384";

    /// <summary>A token is renewed this long before it expires.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(60);
}
