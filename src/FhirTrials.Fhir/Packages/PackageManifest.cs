using System.Text.Json;

namespace FhirTrials.Fhir.Packages;

/// <summary>The <c>package/package.json</c> of a FHIR package: identity, FHIR version and dependencies.</summary>
public sealed record PackageManifest(string Name, string Version, string? Type, string? Canonical, IReadOnlyList<string> FhirVersions, IReadOnlyDictionary<string, string> Dependencies)
{
    /// <summary>Reads a manifest; <paramref name="source"/> names the package in error messages.</summary>
    public static PackageManifest Parse(ReadOnlySpan<byte> json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
            var version = root.TryGetProperty("version", out var v) ? v.GetString() : null;
            if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
            {
                throw new PackageException($"{source}: package.json must give a name and a version");
            }

            var fhirVersions = root.TryGetProperty("fhirVersions", out var fv) && fv.ValueKind == JsonValueKind.Array
                ? fv.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : [];
            var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
            {
                foreach (var dep in deps.EnumerateObject())
                {
                    dependencies[dep.Name] = dep.Value.GetString() ?? string.Empty;
                }
            }

            return new PackageManifest(
                name,
                version,
                root.TryGetProperty("type", out var t) ? t.GetString() : null,
                root.TryGetProperty("canonical", out var c) ? c.GetString() : null,
                fhirVersions,
                dependencies);
        }
        catch (JsonException ex)
        {
            throw new PackageException($"{source}: package.json is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public override string ToString() => $"{Name}@{Version}";
}
