using System.Security.Cryptography;
using System.Text;
using FhirTrials.Server.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirTrials.Server.Security;

/// <summary>
/// Checks bearer tokens: the shared API key (compared in constant time) or a JWT signed with the
/// configured HMAC key or RSA public key, from the configured issuer (and audience), not expired.
/// </summary>
public sealed class BearerTokenValidator
{
    private readonly byte[]? _apiKey;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters? _jwt;

    public BearerTokenValidator(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : Encoding.UTF8.GetBytes(options.ApiKey);
        if (!string.IsNullOrEmpty(options.JwtSigningKey))
        {
            _jwt = new TokenValidationParameters
            {
                ValidateIssuer = options.JwtIssuer is not null,
                ValidIssuer = options.JwtIssuer,
                ValidateAudience = options.JwtAudience is not null,
                ValidAudience = options.JwtAudience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromMinutes(1),
                IssuerSigningKey = SigningKey(options.JwtSigningKey),
            };
        }
    }

    /// <summary>True when any way of authenticating is configured.</summary>
    public bool Configured => _apiKey is not null || _jwt is not null;

    /// <summary>True when <paramref name="token"/> is the API key or a valid JWT.</summary>
    public async Task<bool> ValidateAsync(string token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        if (_apiKey is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey))
        {
            return true;
        }

        if (_jwt is null || token.Count(c => c == '.') != 2)
        {
            return false;
        }

        var result = await _handler.ValidateTokenAsync(token, _jwt);
        return result.IsValid;
    }

    private static SecurityKey SigningKey(string key)
    {
        if (key.Contains("BEGIN PUBLIC KEY", StringComparison.Ordinal))
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(key);
            return new RsaSecurityKey(rsa);
        }

        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key));
    }
}
