using System.Text.Json;

namespace FhirTrials.XverExtensions;

/// <summary>xver-elements.json: the R5 package (name, version, pinned integrity) and the element paths to carry over.</summary>
internal sealed record XverConfig(string PackageName, string PackageVersion, string Integrity, IReadOnlyList<string> Elements)
{
    public static XverConfig Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var source = doc.RootElement.GetProperty("source");
        return new XverConfig(
            source.GetProperty("name").GetString()!,
            source.GetProperty("version").GetString()!,
            source.GetProperty("integrity").GetString()!,
            [.. doc.RootElement.GetProperty("elements").EnumerateArray().Select(e => e.GetString()!)]);
    }
}

/// <summary>The R5 core package: from the FhirTrials package cache, else fetched from npm; always checked against the pinned integrity.</summary>
internal static class R5Source
{
    public static async Task<string> GetAsync(XverConfig config, HttpClient http)
    {
        var path = FhirTrials.Fhir.Packages.PackageCache.Find(config.PackageName, config.PackageVersion);
        if (path is null || !File.Exists(path))
        {
            path = Path.Combine(FhirTrials.Fhir.Packages.PackageCache.DefaultRoot, $"{config.PackageName}#{config.PackageVersion}.tgz");
            await new FhirTrials.Fhir.Packages.NpmPackageFetcher(http).DownloadAsync(config.PackageName, config.PackageVersion, path, config.Integrity).ConfigureAwait(false);
        }

        FhirTrials.Fhir.Packages.NpmPackageFetcher.VerifyIntegrity(await File.ReadAllBytesAsync(path).ConfigureAwait(false), config.Integrity, path);
        return path;
    }
}
