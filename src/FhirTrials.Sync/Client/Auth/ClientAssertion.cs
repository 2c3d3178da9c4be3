using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirTrials.Sync.Client.Auth;

/// <summary>
/// The signed JWT a SMART Backend Services client authenticates with: <c>iss</c> = <c>sub</c> = client id,
/// <c>aud</c> = token endpoint, <c>exp</c> at most five minutes ahead, a fresh <c>jti</c>; RS384 or ES384
/// with the key's <c>kid</c> in the header.
/// </summary>
public sealed class ClientAssertion : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(4);
    private readonly string _clientId;
    private readonly AsymmetricAlgorithm _key;
    private readonly SigningCredentials _credentials;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public ClientAssertion(string clientId, string privateKeyPem, string? keyId, string algorithm)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(privateKeyPem);
        _clientId = clientId;
        SecurityKey key;
        switch (algorithm)
        {
            case SecurityAlgorithms.RsaSha384:
                var rsa = RSA.Create();
                rsa.ImportFromPem(privateKeyPem);
                _key = rsa;
                key = new RsaSecurityKey(rsa) { KeyId = keyId };
                break;
            case SecurityAlgorithms.EcdsaSha384:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportFromPem(privateKeyPem);
                _key = ecdsa;
                key = new ECDsaSecurityKey(ecdsa) { KeyId = keyId };
                break;
            default:
                throw new ArgumentException($"SMART client assertions are signed with RS384 or ES384, not '{algorithm}'", nameof(algorithm));
        }

        _credentials = new SigningCredentials(key, algorithm);
    }

    /// <summary>The assertion of the configured client (key read from <see cref="FhirAuthOptions.PrivateKeyPath"/>).</summary>
    public static ClientAssertion FromOptions(FhirAuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.PrivateKeyPath ?? throw new ArgumentException("SMART Backend Services needs a private key file");
        return new ClientAssertion(options.ClientId ?? throw new ArgumentException("SMART Backend Services needs a client id"), File.ReadAllText(path), options.KeyId, options.Algorithm);
    }

    /// <summary>A new signed assertion for <paramref name="tokenEndpoint"/>, issued at <paramref name="now"/>.</summary>
    public string Create(Uri tokenEndpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = _clientId,
            Audience = tokenEndpoint.ToString(),
            IssuedAt = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = _clientId,
                ["jti"] = Guid.NewGuid().ToString("N"),
            },
            SigningCredentials = _credentials,
        };
        return _handler.CreateToken(descriptor);
    }

    public void Dispose() => _key.Dispose();
}
