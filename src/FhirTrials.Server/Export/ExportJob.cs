namespace FhirTrials.Server.Export;

/// <summary>The state of a bulk export.</summary>
public enum ExportStatus
{
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>One NDJSON file of an export: the resource type, its file name and how many resources it holds.</summary>
public sealed record ExportFile(string Type, string FileName, int Count);

/// <summary>
/// A bulk export (Bulk Data IG): what was asked (types, <c>_since</c>), the transaction time the data is
/// taken at, its progress, files and errors. Updated by the export worker; read by status polls.
/// </summary>
public sealed class ExportJob
{
    private readonly object _gate = new();
    private readonly List<ExportFile> _files = [];
    private readonly List<string> _errors = [];

    public ExportJob(string id, string request, IReadOnlyList<string>? types, DateTimeOffset? since, DateTimeOffset transactionTime, bool requiresAccessToken)
    {
        Id = id;
        Request = request;
        Types = types;
        Since = since;
        TransactionTime = transactionTime;
        RequiresAccessToken = requiresAccessToken;
    }

    public string Id { get; }

    /// <summary>The kick-off request URL.</summary>
    public string Request { get; }

    /// <summary>The types asked for (<c>_type</c>); null for every stored type.</summary>
    public IReadOnlyList<string>? Types { get; }

    public DateTimeOffset? Since { get; }

    /// <summary>Resources changed after this instant are not in the export.</summary>
    public DateTimeOffset TransactionTime { get; }

    public bool RequiresAccessToken { get; }

    public CancellationTokenSource Cancellation { get; } = new();

    public ExportStatus Status { get; private set; } = ExportStatus.Queued;

    public string Progress { get; private set; } = "queued";

    /// <summary>When the job finished (completed, failed or cancelled).</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    public IReadOnlyList<ExportFile> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files];
            }
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return [.. _errors];
            }
        }
    }

    internal void Start() => Set(ExportStatus.Running, "started", null);

    internal void Report(string progress)
    {
        lock (_gate)
        {
            Progress = progress;
        }
    }

    internal void AddFile(ExportFile file)
    {
        lock (_gate)
        {
            _files.Add(file);
        }
    }

    internal void AddError(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }

    internal void Finish(ExportStatus status, DateTimeOffset at) => Set(status, status.ToString().ToLowerInvariant(), at);

    private void Set(ExportStatus status, string progress, DateTimeOffset? finishedAt)
    {
        lock (_gate)
        {
            if (Status is ExportStatus.Cancelled)
            {
                return;
            }

            Status = status;
            Progress = progress;
            FinishedAt = finishedAt;
        }
    }
}
