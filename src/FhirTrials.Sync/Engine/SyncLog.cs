using Microsoft.Extensions.Logging;

namespace FhirTrials.Sync.Engine;

/// <summary>The sync's log messages (source-generated, structured).</summary>
internal static partial class SyncLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Sync pass started: source {Source}, target {Target}")]
    public static partial void PassStarted(ILogger logger, string source, string target);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Sync pass finished in {Seconds:0.0} s: {Seen} read, {Unchanged} unchanged, {Changed} changed, {Sent} sent, {Failed} failed, {Invalid} invalid, {Removed} removed, {Drifted} drifted")]
    public static partial void PassFinished(ILogger logger, double seconds, long seen, long unchanged, long changed, long sent, long failed, long invalid, long removed, int drifted);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Transaction confirmed: {Trials} trials, {Entries} entries")]
    public static partial void ChunkConfirmed(ILogger logger, int trials, int entries);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{RegistryId} not sent: {Reason}")]
    public static partial void TrialFailed(ILogger logger, string registryId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{RegistryId} is invalid and was not sent: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string registryId, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The server takes at most {Limit} bundle entries ({Reason}); chunks are smaller from now on")]
    public static partial void BundleLimitLearned(ILogger logger, int limit, string reason);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Drift: {RegistryId} {Type}/{Id} changed on the server (we wrote version {Ours}, the server has {Theirs}); {Action}")]
    public static partial void Drift(ILogger logger, string registryId, string type, string id, string? ours, string theirs, string action);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{Path} cannot be read: {Reason}")]
    public static partial void FileUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "{RegistryId} left the source: {Action}")]
    public static partial void TrialRemoved(ILogger logger, string registryId, string action);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Deleted from the server (removal policy delete): {Resources}")]
    public static partial void ResourcesDeleted(ILogger logger, string resources);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The source lists no files; the trials of its {Count} known files are kept on the server (an empty or unmounted folder is not taken as a removal)")]
    public static partial void EmptySource(ILogger logger, int count);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Server {Target}: FHIR {Version}, {Software}; transactions of up to {Limit} entries")]
    public static partial void Connected(ILogger logger, string target, string? version, string? software, int limit);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "{RegistryId} appears in {First} and {Second}; the second is ignored")]
    public static partial void DuplicateTrial(ILogger logger, string registryId, string first, string second);
}
