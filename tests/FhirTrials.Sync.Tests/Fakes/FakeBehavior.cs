namespace FhirTrials.Sync.Tests.Fakes;

/// <summary>How a fake server refuses a bundle over its entry limit.</summary>
public enum LimitStyle
{
    /// <summary>413 with an OperationOutcome (as FHIR Works on AWS at 25 entries would).</summary>
    Status413,

    /// <summary>400 "The number of entries in the bundle exceeded the configured limit of N." (Microsoft's FHIR server, 500 by default).</summary>
    Microsoft400,
}

/// <summary>What a fake FHIR server is like: version, limits, faults, races.</summary>
public sealed class FakeBehavior
{
    public string FhirVersion { get; set; } = "4.0.1";

    public bool Transactions { get; set; } = true;

    /// <summary>The most entries a transaction or batch may have (0: no limit).</summary>
    public int MaxBundleEntries { get; set; }

    public LimitStyle LimitStyle { get; set; } = LimitStyle.Status413;

    /// <summary>Like HAPI under load: a conditional create/update searches, yields, then writes, so two racing ones both create.</summary>
    public bool RacyConditionals { get; set; }

    /// <summary>How long a racy conditional waits between its search and its write.</summary>
    public TimeSpan RaceWindow { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A bearer token writes and reads must carry (null: none).</summary>
    public string? RequiredToken { get; set; }

    /// <summary>The page size of searches when <c>_count</c> is absent.</summary>
    public int PageSize { get; set; } = 20;

    public FakeFaults Faults { get; set; } = new();
}

/// <summary>
/// Failures injected into a share of requests (drawn from a seeded generator): answers of 429 with
/// Retry-After, 500, 503, connections dropped before or after processing, slow answers.
/// </summary>
public sealed class FakeFaults
{
    /// <summary>The share of requests (0..1) that fail in one of the enabled ways.</summary>
    public double Rate { get; set; }

    public int Seed { get; set; } = 1;

    /// <summary>The ways to fail, drawn evenly.</summary>
    public List<FaultKind> Kinds { get; set; } = [FaultKind.Throttle, FaultKind.ServerError, FaultKind.Unavailable, FaultKind.DropBefore, FaultKind.DropAfter];

    /// <summary>The Retry-After a throttled answer carries (whole seconds; an HTTP-date when <see cref="RetryAfterAsDate"/>).</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public bool RetryAfterAsDate { get; set; }

    /// <summary>How long a slow answer takes.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Only these operations fail (null: all but metadata).</summary>
    public Func<string, bool>? Applies { get; set; }
}

public enum FaultKind
{
    /// <summary>429 Too Many Requests with Retry-After; nothing processed.</summary>
    Throttle,

    /// <summary>500 with an OperationOutcome; nothing processed.</summary>
    ServerError,

    /// <summary>503 with Retry-After; nothing processed.</summary>
    Unavailable,

    /// <summary>The connection is aborted before processing.</summary>
    DropBefore,

    /// <summary>The request is processed, then the connection is aborted: the answer is lost.</summary>
    DropAfter,

    /// <summary>The answer comes after <see cref="FakeFaults.SlowDelay"/> (processed after the wait).</summary>
    Slow,
}
