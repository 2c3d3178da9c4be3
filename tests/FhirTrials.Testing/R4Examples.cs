using FhirTrials.Fhir.Packages;

namespace FhirTrials.Testing;

/// <summary>
/// The official hl7.fhir.r4.examples@4.0.1 package (all 5,306 resources), fetched once from the npm
/// registry into the FhirTrials package cache and checked against its published sha512 integrity.
/// Too big to commit (191 MB unpacked); every run after the first reads the cached tarball.
/// </summary>
public static class R4Examples
{
    public const string Name = "hl7.fhir.r4.examples";
    public const string Version = "4.0.1";
    public const string Integrity = "sha512-DXBdIZOeQaSKIgCU7w6HOC7sw/6BzylmipLkBW4f//pT+Bc94x+8LImwTdvaNThPJoOzpBzvxAzNqjeu3X/zLw==";

    private static readonly Lazy<IReadOnlyList<ExampleFile>> Files = new(Load);

    /// <summary>Every resource file of the package, sorted by name.</summary>
    public static IReadOnlyList<ExampleFile> All => Files.Value;

    /// <summary>The path of the cached tarball (downloaded on first use).</summary>
    public static string TarballPath
    {
        get
        {
            var path = Path.Combine(PackageCache.DefaultRoot, $"{Name}#{Version}.tgz");
            if (!File.Exists(path))
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                new NpmPackageFetcher(http).DownloadAsync(Name, Version, path, Integrity).GetAwaiter().GetResult();
            }

            return path;
        }
    }

    private static IReadOnlyList<ExampleFile> Load()
    {
        var path = TarballPath;
        var bytes = File.ReadAllBytes(path);
        NpmPackageFetcher.VerifyIntegrity(bytes, Integrity, path);
        using var stream = new MemoryStream(bytes);
        var files = TarGzArchive.ReadAllFiles(stream, n => n.EndsWith(".json", StringComparison.Ordinal) && n != "package/package.json");
        return files.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new ExampleFile(f.Key["package/".Length..], f.Value))
            .ToList();
    }
}

/// <summary>One file of the examples package.</summary>
public sealed record ExampleFile(string Name, byte[] Content)
{
    /// <summary>The resource type, from the file name (<c>Patient-example.json</c>).</summary>
    public string ResourceType => Name[..Name.IndexOf('-', StringComparison.Ordinal)];

    public override string ToString() => Name;
}
