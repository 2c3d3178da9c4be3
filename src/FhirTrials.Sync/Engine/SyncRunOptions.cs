namespace FhirTrials.Sync.Engine;

/// <summary>Choices for one pass.</summary>
public sealed class SyncRunOptions
{
    /// <summary>Compare every synced resource with the server in this pass, whatever the drift check interval says.</summary>
    public bool CheckDrift { get; init; }

    /// <summary>Called as trials are read and sent (for progress displays): trials read so far.</summary>
    public IProgress<SyncReport>? Progress { get; init; }
}
