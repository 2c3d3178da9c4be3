namespace FhirTrials.Sync.Tests.Infrastructure;

/// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string? prefix = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fhirtrials-sync-tests", (prefix ?? "t") + "-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public string Folder(params string[] parts)
    {
        var path = File(parts);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned later.
        }
    }
}
