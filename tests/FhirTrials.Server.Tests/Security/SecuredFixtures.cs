using FhirTrials.Server.Hosting;
using FhirTrials.Server.Tests.Infrastructure;

namespace FhirTrials.Server.Tests.Security;

/// <summary>Security settings the security tests run under: reads need a token, JWTs accepted, a small body limit.</summary>
internal static class SecuredSettings
{
    public const string JwtIssuer = "https://issuer.test";
    public const string JwtAudience = "fhirtrials";
    public const string JwtKey = "a-test-signing-key-that-is-long-enough-for-hs256";
    public const long BodyLimit = 64 * 1024;

    public static void Apply(FhirServerOptions options)
    {
        options.Security.RequireAuthForReads = true;
        options.Security.JwtIssuer = JwtIssuer;
        options.Security.JwtAudience = JwtAudience;
        options.Security.JwtSigningKey = JwtKey;
        options.MaxRequestBodyBytes = BodyLimit;
        options.MaxBundleEntries = 5;
    }
}

public sealed class SecuredSqliteServerFixture : SqliteServerFixture
{
    protected override void Configure(FhirServerOptions options) => SecuredSettings.Apply(options);
}

public sealed class SecuredPostgresServerFixture : PostgresServerFixture
{
    protected override void Configure(FhirServerOptions options) => SecuredSettings.Apply(options);
}
