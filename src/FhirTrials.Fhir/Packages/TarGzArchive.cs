using System.Formats.Tar;
using System.IO.Compression;

namespace FhirTrials.Fhir.Packages;

/// <summary>
/// Reads and writes the gzip-compressed tar archives FHIR (and npm) packages are distributed as.
/// Self-contained on purpose: the model generator and the definitions builder link this file.
/// </summary>
public static class TarGzArchive
{
    /// <summary>Reads every regular file of a .tgz stream into memory, keyed by its path inside the archive.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadAllFiles(Stream tgz, Func<string, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(tgz);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var gzip = new GZipStream(tgz, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new TarReader(gzip, leaveOpen: true);
        while (reader.GetNextEntry(copyData: false) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null)
            {
                continue;
            }

            var name = entry.Name.Replace('\\', '/');
            if (include is not null && !include(name))
            {
                continue;
            }

            var buffer = new byte[entry.Length];
            entry.DataStream.ReadExactly(buffer);
            files[name] = buffer;
        }

        return files;
    }

    /// <summary>
    /// Writes files to a .tgz stream deterministically: entries in the given order, fixed timestamps,
    /// owner and mode, so the same input always yields the same archive.
    /// </summary>
    public static void WriteAllFiles(Stream destination, IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new TarWriter(gzip, TarEntryFormat.Ustar, leaveOpen: true);
        var epoch = new DateTimeOffset(2019, 11, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var (name, content) in files)
        {
            var entry = new UstarTarEntry(TarEntryType.RegularFile, name)
            {
                ModificationTime = epoch,
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                DataStream = new MemoryStream(content, writable: false),
            };
            writer.WriteEntry(entry);
        }
    }
}
