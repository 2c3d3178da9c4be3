using System.Collections.Concurrent;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.Packages;

/// <summary>
/// Resolves canonical URLs across packages, earlier packages first (a user's IG before the R4 core).
/// <c>url|version</c> picks that version (a version prefix such as <c>1.2</c> matches <c>1.2.3</c>);
/// a bare URL picks the first package's highest version. Parsed resources are cached.
/// </summary>
public sealed class CanonicalResolver : IResourceResolver
{
    private readonly IReadOnlyList<FhirPackage> _packages;
    private readonly IReadOnlyList<FhirPackage> _expansions;
    private readonly Dictionary<string, List<(FhirPackage Package, PackageIndexEntry Entry)>> _byUrl = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(FhirPackage, string), ElementNode?> _nodes = new();
    private readonly ConcurrentDictionary<(FhirPackage, string), Resource?> _typed = new();

    public CanonicalResolver(IEnumerable<FhirPackage> packages, IEnumerable<FhirPackage>? expansions = null)
    {
        _packages = [.. packages];
        _expansions = [.. expansions ?? []];
        foreach (var package in _packages)
        {
            foreach (var entry in package.Resources.Where(e => e.Url is not null))
            {
                if (!_byUrl.TryGetValue(entry.Url!, out var list))
                {
                    _byUrl[entry.Url!] = list = [];
                }

                list.Add((package, entry));
            }
        }
    }

    /// <summary>The packages searched, in priority order.</summary>
    public IReadOnlyList<FhirPackage> Packages => _packages;

    /// <summary>A resolver that searches <paramref name="extra"/> before this one's packages.</summary>
    public CanonicalResolver WithPackages(IEnumerable<FhirPackage> extra) => new([.. extra, .. _packages], _expansions);

    /// <summary>Every indexed resource of the given type across the packages.</summary>
    public IEnumerable<(FhirPackage Package, PackageIndexEntry Entry)> Entries(string resourceType) =>
        _packages.SelectMany(p => p.Resources.Where(e => e.ResourceType == resourceType).Select(e => (p, e)));

    public ElementNode? ResolveNode(string canonical) => Find(canonical) is { } hit ? Node(hit.Package, hit.Entry.FileName) : null;

    public T? Resolve<T>(string canonical)
        where T : Resource =>
        Find(canonical) is { } hit ? Typed(hit.Package, hit.Entry.FileName) as T : null;

    public ElementNode? ResolveExpansion(string valueSetCanonical)
    {
        var (url, version) = Split(valueSetCanonical);
        foreach (var package in _expansions)
        {
            if (package.Resources.FirstOrDefault(e => e.Url == url && (version is null || VersionMatches(e.Version, version))) is { } entry)
            {
                return Node(package, entry.FileName);
            }
        }

        return null;
    }

    /// <summary>The element tree of a package file (cached).</summary>
    public ElementNode? Node(FhirPackage package, string fileName) =>
        _nodes.GetOrAdd((package, fileName), static key =>
        {
            var bytes = key.Item1.ReadFile(key.Item2);
            return bytes is null ? null : new FhirJsonParser(FhirJsonParserSettings.LenientMode).Parse(bytes, $"{key.Item1.Manifest}/{key.Item2}").Root;
        });

    private Resource? Typed(FhirPackage package, string fileName) =>
        _typed.GetOrAdd((package, fileName), key => Node(key.Item1, key.Item2) is { } node ? NodeReader.Resource(node) : null);

    private (FhirPackage Package, PackageIndexEntry Entry)? Find(string canonical)
    {
        var (url, version) = Split(canonical);
        if (!_byUrl.TryGetValue(url, out var candidates))
        {
            return null;
        }

        if (version is not null)
        {
            foreach (var candidate in candidates)
            {
                if (VersionMatches(candidate.Entry.Version, version))
                {
                    return candidate;
                }
            }

            return null;
        }

        var firstPackage = candidates[0].Package;
        return candidates.Where(c => ReferenceEquals(c.Package, firstPackage)).MaxBy(c => c.Entry.Version, VersionComparer.Instance);
    }

    private static (string Url, string? Version) Split(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (canonical, null) : (canonical[..bar], canonical[(bar + 1)..]);
    }

    private static bool VersionMatches(string? actual, string wanted) =>
        actual is not null && (actual == wanted || actual.StartsWith(wanted + ".", StringComparison.Ordinal));
}
