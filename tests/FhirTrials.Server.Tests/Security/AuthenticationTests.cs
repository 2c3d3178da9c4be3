using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using FhirTrials.Server.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FhirTrials.Server.Tests.Security;

/// <summary>Bearer authentication: writes always need a token (API key or JWT), reads when configured; failures are 401 OperationOutcomes.</summary>
public abstract class AuthenticationTests : ServerTests
{
    protected AuthenticationTests(ServerFixture server)
        : base(server)
    {
    }

    public static TheoryData<string, string> Writes => new()
    {
        { "POST", "Organization" },
        { "PUT", "Organization/x1" },
        { "DELETE", "Organization/x1" },
        { "POST", string.Empty },
        { "PUT", "Organization?identifier=a|b" },
        { "DELETE", "Organization?identifier=a|b" },
    };

    [StoreTheory]
    [MemberData(nameof(Writes))]
    public async Task Write_WithoutOrWithBadToken_Returns401(string method, string url)
    {
        var body = url.Length == 0 ? """{"resourceType":"Bundle","type":"transaction"}""" : """{"resourceType":"Organization","id":"x1"}""";

        using var none = await Server.Anonymous.SendAsync(new HttpMethod(method), url, method == "DELETE" ? null : body);
        using var bad = await Server.Anonymous.SendAsync(new HttpMethod(method), url, method == "DELETE" ? null : body, ("Authorization", "Bearer wrong-key"));
        using var basic = await Server.Anonymous.SendAsync(new HttpMethod(method), url, method == "DELETE" ? null : body, ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + ServerFixture.ApiKey))));

        foreach (var response in new[] { none, bad, basic })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
            Assert.Equal("login", (await response.JsonAsync())["issue"]![0]!["code"]!.GetValue<string>());
        }
    }

    [StoreFact]
    public async Task Read_WhenReadsNeedToken_401WithoutAnd200With()
    {
        var id = await CreateAsync("""{"resourceType":"Organization","name":"Private"}""");

        using var anonymous = await Server.Anonymous.GetAsync($"Organization/{id}");
        using var search = await Server.Anonymous.GetAsync("Organization?name=private");
        using var authorised = await Client.GetAsync($"Organization/{id}");
        using var metadata = await Server.Anonymous.GetAsync("metadata");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
    }

    [StoreFact]
    public async Task Jwt_ValidToken_IsAccepted_ExpiredWrongIssuerOrKeyRejected()
    {
        var json = Tagged("""{"resourceType":"Organization","name":"By JWT"}""").ToJsonString();

        var statuses = new List<HttpStatusCode>();
        foreach (var token in new[]
        {
            Token(SecuredSettings.JwtIssuer, SecuredSettings.JwtKey, DateTime.UtcNow.AddMinutes(5)),
            Token(SecuredSettings.JwtIssuer, SecuredSettings.JwtKey, DateTime.UtcNow.AddMinutes(-10)),
            Token("https://evil.test", SecuredSettings.JwtKey, DateTime.UtcNow.AddMinutes(5)),
            Token(SecuredSettings.JwtIssuer, "another-signing-key-that-is-long-enough-for-hs256", DateTime.UtcNow.AddMinutes(5)),
            Token(SecuredSettings.JwtIssuer, SecuredSettings.JwtKey, DateTime.UtcNow.AddMinutes(5))[..^4] + "AAAA",
        })
        {
            using var request = FhirRequests.Request(HttpMethod.Post, "Organization", json);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await Server.Anonymous.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
    }

    private static string Token(string issuer, string key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = SecuredSettings.JwtAudience,
        Subject = new ClaimsIdentity([new Claim("sub", "sync-worker")]),
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
    });
}

public sealed class SqliteAuthenticationTests(SecuredSqliteServerFixture server) : AuthenticationTests(server), IClassFixture<SecuredSqliteServerFixture>;

public sealed class PostgresAuthenticationTests(SecuredPostgresServerFixture server) : AuthenticationTests(server), IClassFixture<SecuredPostgresServerFixture>, IPostgresTests;
