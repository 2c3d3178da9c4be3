using FhirTrials.Server.Search;

namespace FhirTrials.Server.Hosting;

/// <summary>
/// The server's configuration (configuration section <c>FhirServer</c>; environment variables
/// <c>FhirServer__Store</c>, <c>FhirServer__Security__ApiKey</c>…, and <c>FHIRTRIALS_API_KEY</c> for the key).
/// </summary>
public sealed class FhirServerOptions
{
    public const string SectionName = "FhirServer";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>The SQLite file; created with its schema on first start.</summary>
    public string SqlitePath { get; set; } = Storage.FhirStores.DefaultSqliteFile;

    /// <summary>The Npgsql connection string when <see cref="Store"/> is "postgres".</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The path the FHIR API is served under.</summary>
    public string BasePath { get; set; } = "/fhir";

    /// <summary>The public base URL (e.g. <c>https://trials.example.org/fhir</c>) for links and fullUrls; default: from each request.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The most entries a transaction or batch may have (more: 413).</summary>
    public int MaxBundleEntries { get; set; } = 1000;

    /// <summary>The largest request body in bytes (more: 413).</summary>
    public long MaxRequestBodyBytes { get; set; } = 16 * 1024 * 1024;

    public SearchOptions Search { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public ExportOptions Export { get; set; } = new();
}

/// <summary>Who may read and write.</summary>
public sealed class SecurityOptions
{
    /// <summary>A shared key clients send as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>When true, reads need a bearer token too (the CapabilityStatement stays public).</summary>
    public bool RequireAuthForReads { get; set; }

    /// <summary>JWTs accepted as bearer tokens, when <see cref="JwtSigningKey"/> is set.</summary>
    public string? JwtIssuer { get; set; }

    /// <summary>The audience JWTs must name; null accepts any.</summary>
    public string? JwtAudience { get; set; }

    /// <summary>The HMAC key JWTs are signed with (UTF-8 text, at least 32 bytes), or an RSA public key in PEM.</summary>
    public string? JwtSigningKey { get; set; }

    public bool WritesConfigured => !string.IsNullOrEmpty(ApiKey) || !string.IsNullOrEmpty(JwtSigningKey);
}

/// <summary>Bulk export settings.</summary>
public sealed class ExportOptions
{
    /// <summary>Where NDJSON files are written; default: a <c>fhirtrials-export</c> folder in the temp directory.</summary>
    public string? Directory { get; set; }

    /// <summary>How long finished exports (and their files) are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most resources one NDJSON file holds before the next file starts.</summary>
    public int MaxResourcesPerFile { get; set; } = 50_000;
}
