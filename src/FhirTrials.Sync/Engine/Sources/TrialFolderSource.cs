using System.Security.Cryptography;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Sync.Engine.Sources;

/// <summary>
/// A folder of trial records or ClinicalTrials.gov JSON (recursively). Files are identified by their
/// path relative to the folder and hashed with the <see cref="MapperFingerprint"/>, so a file is
/// re-read only when its bytes or the mapping code change.
/// </summary>
public sealed class TrialFolderSource
{
    private static readonly string[] RecordExtensions = [".json"];
    private static readonly string[] CtgovExtensions = [".json", ".ndjson", ".jsonl"];

    public TrialFolderSource(string folder, SourceFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Folder = Path.GetFullPath(folder);
        Format = format;
    }

    public string Folder { get; }

    public SourceFormat Format { get; }

    /// <summary>Settings that change what is sent from the same bytes (validation on or off), mixed into every file hash.</summary>
    public string Salt { get; init; } = string.Empty;

    /// <summary>The files to read, relative to <see cref="Folder"/>, in ordinal order (empty when the folder is gone).</summary>
    public IReadOnlyList<string> ListFiles()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var extensions = Format == SourceFormat.Record ? RecordExtensions : CtgovExtensions;
        return [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The hash of a file's bytes and the mapper fingerprint; null when the file vanished meanwhile.</summary>
    public string? Hash(string relativePath)
    {
        try
        {
            using var stream = new FileStream(FullPath(relativePath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(MapperFingerprint.Bytes);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Salt));
            Span<byte> buffer = stackalloc byte[1 << 14];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer[..read]);
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The records of a file, lazily; throws <see cref="TrialRecordFormatException"/> or
    /// <see cref="CtGovImportException"/> (naming file and field) when the file is bad.
    /// </summary>
    public IEnumerable<TrialRecord> Read(string relativePath) => Format == SourceFormat.Record
        ? [TrialRecordReader.Parse(File.ReadAllBytes(FullPath(relativePath)), relativePath)]
        : ImportCtGov(relativePath);

    public string FullPath(string relativePath) => Path.Combine(Folder, relativePath);

    private IEnumerable<TrialRecord> ImportCtGov(string relativePath)
    {
        using var stream = File.OpenRead(FullPath(relativePath));
        foreach (var record in CtGovImporter.Import(stream, relativePath))
        {
            yield return record;
        }
    }
}
