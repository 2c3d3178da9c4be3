using System.Globalization;
using System.Text;
using System.Text.Json;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>
/// Reads trial record files strictly: malformed JSON, wrong types, unknown properties, nulls, missing
/// required properties and unsupported <c>recordVersion</c>s all raise a
/// <see cref="TrialRecordFormatException"/> naming the file, JSON path, line and column.
/// </summary>
public static partial class TrialRecordReader
{
    /// <summary>The major version this reader understands.</summary>
    public const int SupportedMajor = 1;

    /// <summary>The highest minor version of <see cref="SupportedMajor"/> this reader understands.</summary>
    public const int SupportedMinor = 0;

    private static string SupportedRange => SupportedMinor == 0
        ? $"{SupportedMajor}.0"
        : $"{SupportedMajor}.0 to {SupportedMajor}.{SupportedMinor}";

    public static TrialRecord ReadFile(string path) => Parse(File.ReadAllBytes(path), path);

    public static TrialRecord Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName);
    }

    public static async Task<TrialRecord> ReadAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), sourceName);
    }

    public static TrialRecord Parse(string json, string sourceName) => Parse(Encoding.UTF8.GetBytes(json), sourceName);

    public static TrialRecord Parse(ReadOnlySpan<byte> utf8Json, string sourceName)
    {
        var json = utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        RecordPrescan.Result scan;
        try
        {
            scan = RecordPrescan.Run(json);
        }
        catch (JsonException exception)
        {
            throw FromJsonException(json, sourceName, exception, fromDeserializer: false);
        }

        if (scan.Problem is { } problem)
        {
            throw new TrialRecordFormatException(sourceName, problem.JsonPath, TextPosition.FromOffset(json, problem.Offset), problem.Reason);
        }

        CheckVersion(json, sourceName, scan);
        TrialRecord record;
        try
        {
            record = JsonSerializer.Deserialize(json, TrialRecordJsonContext.Default.TrialRecord)!;
        }
        catch (JsonException exception)
        {
            throw FromJsonException(json, sourceName, exception, fromDeserializer: true);
        }

        if (string.IsNullOrWhiteSpace(record.RegistryId))
        {
            throw new TrialRecordFormatException(sourceName, "$.registryId", new TextPosition(1, 1), "registryId must not be empty");
        }

        return record;
    }

    private static void CheckVersion(ReadOnlySpan<byte> json, string sourceName, RecordPrescan.Result scan)
    {
        if (scan.Version is null)
        {
            throw new TrialRecordFormatException(sourceName, "$", new TextPosition(1, 1), "missing required property 'recordVersion'");
        }

        var position = TextPosition.FromOffset(json, scan.VersionOffset);
        var parts = scan.Version.Split('.');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
        {
            throw new TrialRecordFormatException(sourceName, "$.recordVersion", position, $"recordVersion '{scan.Version}' is not of the form major.minor");
        }

        if (major != SupportedMajor || minor > SupportedMinor)
        {
            throw new TrialRecordFormatException(
                sourceName,
                "$.recordVersion",
                position,
                $"unsupported recordVersion '{scan.Version}'; this reader supports {SupportedRange}");
        }
    }
}
