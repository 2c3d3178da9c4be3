using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Engine;

/// <summary>What the source folder holds.</summary>
public enum SourceFormat
{
    /// <summary>Trial record files (<c>*.json</c>, docs/trial-record.md).</summary>
    Record,

    /// <summary>ClinicalTrials.gov API v2 JSON: studies, pages, arrays or NDJSON (<c>*.json</c>, <c>*.ndjson</c>, <c>*.jsonl</c>).</summary>
    Ctgov,
}

/// <summary>What happens on the server to a trial that left the source (or, for <see cref="Delete"/>, is withdrawn).</summary>
public enum RemovalPolicy
{
    /// <summary>The last ResearchStudy sent is written again with <see cref="RemovalOptions.Status"/> (default).</summary>
    Status,

    /// <summary>The trial's resources are deleted (logged and reported, never silently).</summary>
    Delete,

    /// <summary>Nothing changes on the server; the removal is only reported.</summary>
    Report,
}

/// <summary>What happens to a synced resource someone else edited or deleted on the server.</summary>
public enum DriftPolicy
{
    /// <summary>Reported; the server's copy is kept and the trial is held in conflict until its record changes or the policy does.</summary>
    Report,

    /// <summary>Reported and overwritten with the mapped record.</summary>
    Overwrite,
}

/// <summary>The state store kind.</summary>
public enum StateProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The sync's configuration (section <c>Sync</c>; environment variables <c>FHIRTRIALS_Sync__ChunkSize</c>…;
/// command-line flags). See docs/sync.md for every setting.
/// </summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    public SourceOptions Source { get; set; } = new();

    /// <summary>The FHIR server; without <see cref="FhirClientOptions.BaseUrl"/> the embedded store (<see cref="EmbeddedStore"/>) is written.</summary>
    public FhirClientOptions Target { get; set; } = new();

    /// <summary>The SQLite file of the embedded FHIR store (what <c>fhirtrials serve --store</c> serves).</summary>
    public string EmbeddedStore { get; set; } = Server.Storage.FhirStores.DefaultSqliteFile;

    public StateOptions State { get; set; } = new();

    /// <summary>The most entries one transaction Bundle gets (lowered to the server's limit when it states or enforces one).</summary>
    public int ChunkSize { get; set; } = 100;

    /// <summary>How many chunks are in flight at once.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>The time between passes of the worker (the folder is also watched for changes).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    public RemovalOptions Removal { get; set; } = new();

    public DriftOptions Drift { get; set; } = new();

    /// <summary>Updates of resources whose server version is known are version-aware (<c>If-Match</c>), so edits by others are caught (412) rather than overwritten.</summary>
    public bool UseIfMatch { get; set; } = true;

    /// <summary>Validate each mapped trial against the FhirTrials profiles before sending (invalid ones go to the dead-letter folder).</summary>
    public bool Validate { get; set; } = true;

    /// <summary>The dead-letter folder: <c>&lt;registry id&gt;.outcome.json</c> per invalid trial and <c>summary.json</c>.</summary>
    public string DeadLetterPath { get; set; } = "fhirtrials-dead-letter";

    /// <summary>A name for this worker in logs and health; with several workers each starts its pass at a different place.</summary>
    public string? WorkerId { get; set; }

    /// <summary>On shutdown, how long the chunk in flight may take to finish before it is abandoned (its state stays unsent).</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    public HealthOptions Health { get; set; } = new();
}

public sealed class SourceOptions
{
    /// <summary>The folder of trial records or CT.gov JSON.</summary>
    public string? Path { get; set; }

    public SourceFormat Format { get; set; } = SourceFormat.Record;

    /// <summary>Watch the folder and start a pass soon after files change (the interval rescan stays as a fallback).</summary>
    public bool Watch { get; set; } = true;

    /// <summary>How long the folder must be quiet after a change before a pass starts.</summary>
    public TimeSpan WatchDelay { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class StateOptions
{
    public StateProvider Provider { get; set; } = StateProvider.Sqlite;

    /// <summary>The SQLite state file.</summary>
    public string Path { get; set; } = "fhirtrials-sync.db";

    /// <summary>The Npgsql connection string for <see cref="StateProvider.Postgres"/>.</summary>
    public string? ConnectionString { get; set; }
}

public sealed class RemovalOptions
{
    public RemovalPolicy Policy { get; set; } = RemovalPolicy.Status;

    /// <summary>The ResearchStudy status a removed trial gets under <see cref="RemovalPolicy.Status"/>.</summary>
    public string Status { get; set; } = "withdrawn";
}

public sealed class DriftOptions
{
    public DriftPolicy Policy { get; set; } = DriftPolicy.Report;

    /// <summary>How often every synced resource is compared with the server (zero: never; on demand with <c>--check-drift</c>).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(24);
}

public sealed class HealthOptions
{
    /// <summary>Where the worker serves <c>/health</c> (e.g. <c>http://127.0.0.1:8081</c>); empty: no endpoint.</summary>
    public string? Urls { get; set; }
}
