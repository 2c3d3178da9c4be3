using System.Text.Json;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>Writes trial records as indented JSON (camelCase, absent values omitted).</summary>
public static class TrialRecordWriter
{
    public static string ToJson(TrialRecord record) =>
        JsonSerializer.Serialize(record, TrialRecordJsonContext.Files.TrialRecord);

    public static byte[] ToUtf8Bytes(TrialRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, TrialRecordJsonContext.Files.TrialRecord);

    public static void Write(TrialRecord record, Stream stream) =>
        JsonSerializer.Serialize(stream, record, TrialRecordJsonContext.Files.TrialRecord);

    public static Task WriteAsync(TrialRecord record, Stream stream, CancellationToken cancellationToken = default) =>
        JsonSerializer.SerializeAsync(stream, record, TrialRecordJsonContext.Files.TrialRecord, cancellationToken);

    /// <summary>Writes <paramref name="record"/> to a file, ending with a newline.</summary>
    public static void WriteFile(TrialRecord record, string path) =>
        File.WriteAllText(path, ToJson(record) + "\n");
}
