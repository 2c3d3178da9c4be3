using System.Net;
using System.Security.Cryptography;
using System.Text;
using FhirTrials.Sync.Client;
using FhirTrials.Sync.Client.Auth;
using FhirTrials.Sync.Tests.Fakes;
using FhirTrials.Sync.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirTrials.Sync.Tests.Client;

/// <summary>Static bearer, OAuth client credentials and SMART Backend Services, with a fake token endpoint.</summary>
public sealed class FhirClientAuthTests : IAsyncLifetime
{
    private readonly TempFolder _temp = new("auth");
    private readonly List<IFormCollection> _tokenRequests = [];
    private readonly List<string?> _tokenAuthorizations = [];
    private FakeFhirServer _server = null!;
    private int _issued;

    private string TokenEndpoint => _server.BaseUrl.Replace("/fhir", "/token", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _server = await FakeFhirServer.StartAsync();
        _server.Intercept = async context =>
        {
            var path = context.Request.Path.Value;
            if (path == "/token")
            {
                var form = await context.Request.ReadFormAsync();
                lock (_tokenRequests)
                {
                    _tokenRequests.Add(form);
                    _tokenAuthorizations.Add(context.Request.Headers.Authorization.ToString());
                }

                var token = "token-" + Interlocked.Increment(ref _issued);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"access_token":"{{token}}","token_type":"bearer","expires_in":300}""");
                return true;
            }

            if (path == "/fhir/.well-known/smart-configuration")
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync($$"""{"token_endpoint":"{{TokenEndpoint}}","token_endpoint_auth_methods_supported":["private_key_jwt"]}""");
                return true;
            }

            var expected = "Bearer token-" + Volatile.Read(ref _issued);
            if (context.Request.Headers.Authorization.ToString() is var given && given.StartsWith("Bearer token-", StringComparison.Ordinal) && given != expected)
            {
                context.Response.StatusCode = 401;
                return true;
            }

            return false;
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    [Fact]
    public async Task Bearer_StaticToken_IsSentWithEveryRequest()
    {
        _server.Behavior.RequiredToken = "api-key-1";
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Auth = new FhirAuthOptions { Mode = FhirAuthMode.Bearer, Token = "api-key-1" });

        Assert.Null(await client.ReadAsync("ResearchStudy", "x", default));
        using var anonymous = ClientFactory.Create(_server.BaseUrl);
        var refused = await Assert.ThrowsAsync<FhirClientException>(() => anonymous.ReadAsync("ResearchStudy", "x", default));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task ClientCredentials_Token_IsCachedAndRenewedBeforeItExpires()
    {
        var clock = new ManualClock();
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Auth = new FhirAuthOptions
        {
            Mode = FhirAuthMode.ClientCredentials, TokenEndpoint = new Uri(TokenEndpoint), ClientId = "sync", ClientSecret = "s3cret", Scope = "system/*.write",
        }, clock);

        for (var i = 0; i < 3; i++)
        {
            await client.ReadAsync("ResearchStudy", "x", default);
        }

        Assert.Equal(1, _issued);
        clock.Advance(TimeSpan.FromSeconds(239));
        await client.ReadAsync("ResearchStudy", "x", default);
        Assert.Equal(1, _issued);
        clock.Advance(TimeSpan.FromSeconds(2));
        await client.ReadAsync("ResearchStudy", "x", default);

        Assert.Equal(2, _issued);
        Assert.Equal("client_credentials", _tokenRequests[0]["grant_type"]);
        Assert.Equal("system/*.write", _tokenRequests[0]["scope"]);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sync:s3cret")), _tokenAuthorizations[0]);
        Assert.All(_server.Requests.Where(r => r.PathAndQuery.StartsWith("/fhir/", StringComparison.Ordinal)), r => Assert.NotEqual(401, r.Status));
    }

    [Fact]
    public async Task ClientCredentials_401_RenewsTheTokenOnceAndRepeats()
    {
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Auth = new FhirAuthOptions
        {
            Mode = FhirAuthMode.ClientCredentials, TokenEndpoint = new Uri(TokenEndpoint), ClientId = "sync", ClientSecret = "s3cret",
        });
        await client.ReadAsync("ResearchStudy", "x", default);
        Interlocked.Increment(ref _issued);

        Assert.Null(await client.ReadAsync("ResearchStudy", "x", default));
        Assert.Equal(3, _issued);
    }

    [Theory]
    [InlineData("RS384")]
    [InlineData("ES384")]
    public async Task SmartBackend_SignedAssertion_IsAcceptedByTheTokenEndpoint(string algorithm)
    {
        var (keyFile, verificationKey) = CreateKey(algorithm);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        _server.Behavior.RequiredToken = "token-1";
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Auth = new FhirAuthOptions
        {
            Mode = FhirAuthMode.SmartBackend, ClientId = "fhirtrials-sync", PrivateKeyPath = keyFile, KeyId = "key-1", Algorithm = algorithm, Scope = "system/ResearchStudy.cu",
        }, clock);

        await client.ReadAsync("ResearchStudy", "x", default);

        var form = Assert.Single(_tokenRequests);
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form["client_assertion_type"]);
        var assertion = form["client_assertion"].ToString();
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(assertion, new TokenValidationParameters
        {
            ValidIssuer = "fhirtrials-sync",
            ValidAudience = TokenEndpoint,
            IssuerSigningKey = verificationKey,
            ValidAlgorithms = [algorithm],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("fhirtrials-sync", token.Subject);
        Assert.Equal("key-1", token.Kid);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task Bearer_NextLinkToAnotherHost_GetsNoAuthorization()
    {
        await using var other = await FakeFhirServer.StartAsync();
        string? seen = "not called";
        other.Intercept = async context =>
        {
            seen = context.Request.Headers.Authorization.ToString();
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync("""{"resourceType":"Bundle","type":"searchset","entry":[]}""");
            return true;
        };
        _server.Intercept = async context =>
        {
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync($$"""{"resourceType":"Bundle","type":"searchset","link":[{"relation":"next","url":"{{other.BaseUrl}}/ResearchStudy?page=2"}],"entry":[]}""");
            return true;
        };
        using var client = ClientFactory.Create(_server.BaseUrl, o => o.Auth = new FhirAuthOptions { Mode = FhirAuthMode.Bearer, Token = "secret" });

        await foreach (var page in client.SearchPagesAsync("ResearchStudy", default))
        {
            Assert.NotNull(page);
        }

        Assert.Equal(string.Empty, seen);
    }

    private (string File, SecurityKey Verification) CreateKey(string algorithm)
    {
        var file = _temp.File(algorithm + ".pem");
        if (algorithm == "RS384")
        {
            using var rsa = RSA.Create(2048);
            File.WriteAllText(file, rsa.ExportPkcs8PrivateKeyPem());
            return (file, new RsaSecurityKey(rsa.ExportParameters(false)));
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        File.WriteAllText(file, ecdsa.ExportPkcs8PrivateKeyPem());
        return (file, new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))));
    }
}
