using System.Collections.Frozen;

namespace FhirTrials.Fhir.Packages;

/// <summary>
/// A FHIR package in the standard layout (<c>package/package.json</c>, resources as JSON files,
/// optional <c>package/.index.json</c>), read from a folder or a <c>.tgz</c>.
/// </summary>
public sealed class FhirPackage
{
    private readonly Func<string, byte[]?> _read;

    private FhirPackage(PackageManifest manifest, IReadOnlyList<PackageIndexEntry> resources, Func<string, byte[]?> read, string source)
    {
        Manifest = manifest;
        Resources = resources;
        _read = read;
        Source = source;
    }

    public PackageManifest Manifest { get; }

    /// <summary>The package's resources (from <c>.index.json</c>, or found by reading each file).</summary>
    public IReadOnlyList<PackageIndexEntry> Resources { get; }

    /// <summary>Where the package was read from (path, or the embedded resource name).</summary>
    public string Source { get; }

    /// <summary>Loads a package from a folder (containing <c>package/</c>, or being it) or a <c>.tgz</c> file.</summary>
    public static FhirPackage Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return FromDirectory(path);
        }

        if (!File.Exists(path))
        {
            throw new PackageException($"{path}: no such package folder or .tgz file");
        }

        using var stream = File.OpenRead(path);
        return FromTarball(stream, path);
    }

    /// <summary>Reads a package from a gzip-compressed tarball.</summary>
    public static FhirPackage FromTarball(Stream tgz, string source)
    {
        IReadOnlyDictionary<string, byte[]> files;
        try
        {
            files = TarGzArchive.ReadAllFiles(tgz, n => n.StartsWith("package/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException)
        {
            throw new PackageException($"{source}: not a readable .tgz package ({ex.Message})", ex);
        }

        var byName = files.Where(f => f.Key.IndexOf('/', "package/".Length) < 0)
            .ToFrozenDictionary(f => f.Key["package/".Length..], f => f.Value, StringComparer.Ordinal);
        return Create(byName.GetValueOrDefault, byName.Keys, source);
    }

    /// <summary>Builds a package from files already in memory (names relative to <c>package/</c>, e.g. embedded resources).</summary>
    public static FhirPackage FromFiles(IReadOnlyDictionary<string, byte[]> files, string source)
    {
        ArgumentNullException.ThrowIfNull(files);
        var byName = files.ToFrozenDictionary(StringComparer.Ordinal);
        return Create(byName.GetValueOrDefault, byName.Keys, source);
    }

    /// <summary>Reads a package from a folder: the folder holding <c>package/</c>, or the <c>package</c> folder itself.</summary>
    public static FhirPackage FromDirectory(string directory)
    {
        var packageDir = Directory.Exists(Path.Combine(directory, "package")) ? Path.Combine(directory, "package") : directory;
        var names = Directory.GetFiles(packageDir, "*.json").Select(Path.GetFileName).OfType<string>()
            .Concat(File.Exists(Path.Combine(packageDir, ".index.json")) ? [".index.json"] : [])
            .ToList();
        return Create(name => File.Exists(Path.Combine(packageDir, name)) ? File.ReadAllBytes(Path.Combine(packageDir, name)) : null, names, directory);
    }

    /// <summary>The bytes of a file of the package's <c>package/</c> folder, or null.</summary>
    public byte[]? ReadFile(string fileName) => _read(fileName);

    public override string ToString() => $"{Manifest} ({Source})";

    private static FhirPackage Create(Func<string, byte[]?> read, IEnumerable<string> fileNames, string source)
    {
        var manifestBytes = read("package.json") ?? throw new PackageException($"{source}: not a FHIR package: package/package.json is missing");
        var manifest = PackageManifest.Parse(manifestBytes, source);
        List<PackageIndexEntry> resources;
        if (read(".index.json") is { } index)
        {
            resources = PackageIndexEntry.ParseIndex(index);
        }
        else
        {
            resources = [];
            foreach (var name in fileNames.Where(n => n is not ("package.json" or ".index.json")).Order(StringComparer.Ordinal))
            {
                if (read(name) is { } bytes && PackageIndexEntry.Scan(name, bytes) is { } entry)
                {
                    resources.Add(entry);
                }
            }
        }

        return new FhirPackage(manifest, resources, read, source);
    }
}
