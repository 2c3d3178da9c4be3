using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// How trial Bundles are written to files: one Bundle per trial named <c>&lt;registry id&gt;.json</c>, indented
/// (as in examples/bundles) or compact, or NDJSON with one compact transaction Bundle per line.
/// </summary>
public static class BundleFiles
{
    /// <summary>The file name of a trial's Bundle, e.g. <c>NCT03765957.json</c> (characters not allowed in file names become '_').</summary>
    public static string FileName(string registryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registryId);
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(registryId.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c)) + ".json";
    }

    /// <summary>The Bundle as an indented JSON file (UTF-8, ending with a newline).</summary>
    public static byte[] ToFileBytes(Bundle bundle) => PooledJson.Serialize(bundle, indented: true, newline: true);

    /// <summary>
    /// The Bundle as JSON and a newline, in a pooled array for bulk writers: indented as <see cref="ToFileBytes"/>,
    /// or compact (one NDJSON line, or a smaller file).
    /// </summary>
    public static PooledBytes ToPooledBytes(Bundle bundle, bool indented) => PooledJson.SerializePooled(bundle, indented, newline: true);

    /// <summary>
    /// Writes <paramref name="bytes"/> as the whole content of <paramref name="path"/>. An existing file is
    /// overwritten in place and then cut to the new length, rather than truncated first: re-mapping a folder
    /// rewrites mostly identical Bundles, and freeing then re-allocating every file's blocks costs more than
    /// the mapping.
    /// </summary>
    public static void WriteFile(string path, ReadOnlySpan<byte> bytes)
    {
        using var handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write);
        RandomAccess.Write(handle, bytes, 0);
        if (RandomAccess.GetLength(handle) != bytes.Length)
        {
            RandomAccess.SetLength(handle, bytes.Length);
        }
    }
}
