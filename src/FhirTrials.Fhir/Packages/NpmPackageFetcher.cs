using System.Security.Cryptography;
using System.Text.Json;

namespace FhirTrials.Fhir.Packages;

/// <summary>
/// Fetches FHIR packages from an npm registry (where HL7 publishes the R4 packages) and checks each
/// tarball against the sha512 integrity the registry publishes for it. Self-contained: the
/// definitions builder links this file.
/// </summary>
public sealed class NpmPackageFetcher
{
    /// <summary>The public npm registry.</summary>
    public static readonly Uri DefaultRegistry = new("https://registry.npmjs.org/");

    private readonly HttpClient _http;
    private readonly Uri _registry;

    public NpmPackageFetcher(HttpClient http, Uri? registry = null)
    {
        _http = http;
        _registry = registry ?? DefaultRegistry;
    }

    /// <summary>Asks the registry for the published tarball address and integrity of <paramref name="name"/>@<paramref name="version"/>.</summary>
    public async Task<(Uri Tarball, string Integrity)> GetDistributionAsync(string name, string version, CancellationToken cancellationToken = default)
    {
        var url = new Uri(_registry, $"{Uri.EscapeDataString(name)}/{Uri.EscapeDataString(version)}");
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new PackageException($"{name}@{version}: the registry {_registry} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var doc = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!doc.RootElement.TryGetProperty("dist", out var dist)
            || !dist.TryGetProperty("tarball", out var tarball)
            || !dist.TryGetProperty("integrity", out var integrity))
        {
            throw new PackageException($"{name}@{version}: the registry's answer has no dist.tarball/dist.integrity");
        }

        return (new Uri(tarball.GetString()!), integrity.GetString()!);
    }

    /// <summary>
    /// Downloads the tarball of <paramref name="name"/>@<paramref name="version"/> to <paramref name="destinationFile"/>
    /// after checking it against the registry's published integrity, and against <paramref name="expectedIntegrity"/> when given.
    /// </summary>
    public async Task DownloadAsync(string name, string version, string destinationFile, string? expectedIntegrity = null, CancellationToken cancellationToken = default)
    {
        var (tarball, published) = await GetDistributionAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (expectedIntegrity is not null && !string.Equals(expectedIntegrity, published, StringComparison.Ordinal))
        {
            throw new PackageException($"{name}@{version}: the registry publishes integrity {published}, expected {expectedIntegrity}");
        }

        var bytes = await _http.GetByteArrayAsync(tarball, cancellationToken).ConfigureAwait(false);
        VerifyIntegrity(bytes, published, $"{name}@{version}");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destinationFile))!);
        var temp = destinationFile + ".partial";
        await File.WriteAllBytesAsync(temp, bytes, cancellationToken).ConfigureAwait(false);
        File.Move(temp, destinationFile, overwrite: true);
    }

    /// <summary>Checks <paramref name="content"/> against an npm Subresource-Integrity string (<c>sha512-…</c>).</summary>
    public static void VerifyIntegrity(ReadOnlySpan<byte> content, string integrity, string what)
    {
        ArgumentNullException.ThrowIfNull(integrity);
        const string Prefix = "sha512-";
        if (!integrity.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new PackageException($"{what}: unsupported integrity algorithm in '{integrity}' (only sha512 is accepted)");
        }

        var actual = Prefix + Convert.ToBase64String(SHA512.HashData(content));
        if (!string.Equals(actual, integrity, StringComparison.Ordinal))
        {
            throw new PackageException($"{what}: integrity check failed: expected {integrity}, got {actual}");
        }
    }
}
