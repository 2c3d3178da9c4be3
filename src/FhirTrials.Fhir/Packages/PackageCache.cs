namespace FhirTrials.Fhir.Packages;

/// <summary>
/// Where fetched packages live: <c>$FHIRTRIALS_PACKAGE_CACHE</c>, else <c>~/.fhirtrials/packages</c>,
/// as <c>name#version.tgz</c>. Folders of the standard FHIR cache (<c>~/.fhir/packages/name#version</c>)
/// are found too.
/// </summary>
public static class PackageCache
{
    /// <summary>The FhirTrials package cache folder.</summary>
    public static string DefaultRoot =>
        Environment.GetEnvironmentVariable("FHIRTRIALS_PACKAGE_CACHE")
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhirtrials", "packages");

    /// <summary>The standard FHIR package cache folder used by the HL7 tools.</summary>
    public static string FhirToolsRoot => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages");

    /// <summary>Finds a cached package, or null.</summary>
    public static string? Find(string name, string version)
    {
        var tarball = Path.Combine(DefaultRoot, $"{name}#{version}.tgz");
        if (File.Exists(tarball))
        {
            return tarball;
        }

        var folder = Path.Combine(FhirToolsRoot, $"{name}#{version}");
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>Finds a package in the cache, fetching it from the npm registry (integrity-checked) when absent.</summary>
    public static async Task<string> GetOrFetchAsync(string name, string version, HttpClient http, CancellationToken cancellationToken = default)
    {
        if (Find(name, version) is { } cached)
        {
            return cached;
        }

        var path = Path.Combine(DefaultRoot, $"{name}#{version}.tgz");
        await new NpmPackageFetcher(http).DownloadAsync(name, version, path, expectedIntegrity: null, cancellationToken).ConfigureAwait(false);
        return path;
    }
}
