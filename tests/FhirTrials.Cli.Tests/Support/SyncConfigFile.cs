using FhirTrials.Sync.Tests.Infrastructure;

namespace FhirTrials.Cli.Tests.Support;

/// <summary>An appsettings.json for sync commands under test.</summary>
public static class SyncConfigFile
{
    /// <summary>
    /// Writes <c>appsettings.json</c> into <paramref name="folder"/> and returns its path. It is the test's own,
    /// so no appsettings.json of the current folder leaks in: dead letters go to the temp folder, and requests
    /// are not retried (an unreachable server fails at once rather than after the default minute of backoff).
    /// <paramref name="more"/> adds members to the Sync section (starting with a comma).
    /// </summary>
    public static string Write(TempFolder folder, string? more = null)
    {
        var path = folder.File("appsettings.json");
        File.WriteAllText(path, $$"""{ "Sync": { "DeadLetterPath": "{{Json(folder.File("dead-letter"))}}", "Target": { "Retry": { "MaxAttempts": 0 } } {{more}} } }""");
        return path;
    }

    /// <summary>A path as a JSON string's content.</summary>
    public static string Json(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
