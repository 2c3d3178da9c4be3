using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Sync.State;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// The dead-letter folder: for each trial that could not be sent because it is invalid,
/// <c>&lt;registry id&gt;.outcome.json</c> with its OperationOutcome, and <c>summary.json</c> listing them all
/// (rewritten after every pass from the state store). A trial that becomes valid leaves the folder.
/// </summary>
public sealed class DeadLetterReport
{
    public const string SummaryFile = "summary.json";

    public DeadLetterReport(string folder) => Folder = Path.GetFullPath(folder);

    public string Folder { get; }

    /// <summary>The outcome file of <paramref name="key"/> (a registry id, or a file name when the id is unknown).</summary>
    public string OutcomePath(string key) => Path.Combine(Folder, Path.GetFileNameWithoutExtension(BundleFiles.FileName(key)) + ".outcome.json");

    public async Task WriteAsync(string key, OperationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Directory.CreateDirectory(Folder);
        var path = OutcomePath(key);
        var temporary = TemporaryFor(path);
        await File.WriteAllBytesAsync(temporary, FhirJsonSerializer.SerializeToUtf8Bytes(outcome, indented: true), cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public void Remove(string key)
    {
        var path = OutcomePath(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Rewrites <c>summary.json</c> from the invalid trials in the store plus the unreadable files of the pass.</summary>
    public async Task WriteSummaryAsync(ISyncStateStore store, IReadOnlyList<SyncProblem> unreadable, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(unreadable);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, SummaryFile);
        var temporary = TemporaryFor(path);
        await using (var stream = File.Create(temporary))
        await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("generatedAt", now);
            writer.WriteStartArray("trials");
            long count = 0;
            await foreach (var trial in store.TrialsAsync(TrialSyncStatus.Invalid, cancellationToken))
            {
                WriteItem(writer, trial.RegistryId, trial.Source, trial.Message);
                count++;
            }

            writer.WriteEndArray();
            writer.WriteStartArray("unreadableFiles");
            foreach (var problem in unreadable)
            {
                WriteItem(writer, problem.RegistryId, problem.Source, problem.Message);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", count + unreadable.Count);
            writer.WriteEndObject();
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A temporary file beside <paramref name="path"/> of this writer alone (workers sharing the folder write at once).</summary>
    private static string TemporaryFor(string path) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    private static void WriteItem(Utf8JsonWriter writer, string? registryId, string? source, string? message)
    {
        writer.WriteStartObject();
        if (registryId is not null)
        {
            writer.WriteString("registryId", registryId);
        }

        writer.WriteString("source", source);
        writer.WriteString("message", message);
        writer.WriteEndObject();
    }
}
