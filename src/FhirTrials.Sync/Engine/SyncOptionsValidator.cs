using FhirTrials.Sync.Client.Auth;
using Microsoft.Extensions.Options;

namespace FhirTrials.Sync.Engine;

/// <summary>Checks <see cref="SyncOptions"/> at start-up; each failure is one line naming the setting.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    /// <summary>The ResearchStudy.status codes of R4 (a removed trial's status must be one).</summary>
    private static readonly HashSet<string> StudyStatuses = new(StringComparer.Ordinal)
    {
        "active", "administratively-completed", "approved", "closed-to-accrual", "closed-to-accrual-and-intervention", "completed",
        "disapproved", "in-review", "temporarily-closed-to-accrual", "temporarily-closed-to-accrual-and-intervention", "withdrawn",
    };

    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Every problem of <paramref name="options"/>, one line each.</summary>
    public static IEnumerable<string> Failures(SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Source.Path))
        {
            yield return "Sync:Source:Path is required: the folder of trial records to sync";
        }
        else if (!Directory.Exists(options.Source.Path))
        {
            yield return $"Sync:Source:Path '{options.Source.Path}': no such folder";
        }

        if (options.Target.BaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return $"Sync:Target:BaseUrl '{url.OriginalString}' is not an absolute http or https URL";
        }

        if (options.ChunkSize is < 1 or > 10_000)
        {
            yield return $"Sync:ChunkSize {options.ChunkSize} must be between 1 and 10000 entries";
        }

        if (options.Parallelism is < 1 or > 64)
        {
            yield return $"Sync:Parallelism {options.Parallelism} must be between 1 and 64";
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            yield return $"Sync:Interval {options.Interval} must be positive";
        }

        if (options.Target.Timeout <= TimeSpan.Zero)
        {
            yield return $"Sync:Target:Timeout {options.Target.Timeout} must be positive";
        }

        if (options.Target.Retry.MaxAttempts < 0)
        {
            yield return "Sync:Target:Retry:MaxAttempts must not be negative";
        }

        if (options.State.Provider == StateProvider.Postgres && string.IsNullOrWhiteSpace(options.State.ConnectionString))
        {
            yield return "Sync:State:ConnectionString is required when Sync:State:Provider is Postgres";
        }

        if (options.State.Provider == StateProvider.Sqlite && string.IsNullOrWhiteSpace(options.State.Path))
        {
            yield return "Sync:State:Path is required: the SQLite state file";
        }

        if (options.Removal.Policy == RemovalPolicy.Status && !StudyStatuses.Contains(options.Removal.Status))
        {
            yield return $"Sync:Removal:Status '{options.Removal.Status}' is not a ResearchStudy status (e.g. withdrawn, closed-to-accrual, completed)";
        }

        if (options.Drift.CheckInterval < TimeSpan.Zero)
        {
            yield return "Sync:Drift:CheckInterval must not be negative";
        }

        if (options.Health.Urls is { Length: > 0 } health && health.Split(';').Any(u => !Uri.TryCreate(u.Trim(), UriKind.Absolute, out var h) || h.Scheme is not ("http" or "https")))
        {
            yield return $"Sync:Health:Urls '{health}' must be absolute http URLs separated by ';'";
        }

        foreach (var failure in AuthFailures(options.Target.Auth, options.Target.BaseUrl is not null))
        {
            yield return failure;
        }
    }

    private static IEnumerable<string> AuthFailures(FhirAuthOptions auth, bool remote)
    {
        if (auth.Mode != FhirAuthMode.None && !remote)
        {
            yield return $"Sync:Target:Auth:Mode {auth.Mode} needs Sync:Target:BaseUrl (the embedded store needs no authentication)";
        }

        switch (auth.Mode)
        {
            case FhirAuthMode.Bearer when string.IsNullOrEmpty(auth.Token):
                yield return "Sync:Target:Auth:Token is required for bearer authentication";
                break;
            case FhirAuthMode.ClientCredentials when string.IsNullOrEmpty(auth.ClientId) || string.IsNullOrEmpty(auth.ClientSecret) || auth.TokenEndpoint is null:
                yield return "Sync:Target:Auth needs ClientId, ClientSecret and TokenEndpoint for client credentials";
                break;
            case FhirAuthMode.SmartBackend when string.IsNullOrEmpty(auth.ClientId):
                yield return "Sync:Target:Auth:ClientId is required for SMART Backend Services";
                break;
            case FhirAuthMode.SmartBackend when string.IsNullOrEmpty(auth.PrivateKeyPath) || !File.Exists(auth.PrivateKeyPath):
                yield return $"Sync:Target:Auth:PrivateKeyPath '{auth.PrivateKeyPath}': no such key file (SMART Backend Services signs its client assertion with it)";
                break;
            case FhirAuthMode.SmartBackend when auth.Algorithm is not ("RS384" or "ES384"):
                yield return $"Sync:Target:Auth:Algorithm '{auth.Algorithm}' must be RS384 or ES384";
                break;
            default:
                break;
        }
    }
}
