using System.Text.Json;

namespace FhirTrials.DefinitionsBuilder;

/// <summary>One pinned source package: npm name, version and the published sha512 integrity.</summary>
internal sealed record PackageSource(string Name, string Version, string Integrity);

/// <summary>The pinned source packages listed in <c>sources.json</c>.</summary>
internal sealed class SourceList
{
    private readonly Dictionary<string, PackageSource> _byName;

    private SourceList(Dictionary<string, PackageSource> byName) => _byName = byName;

    public static SourceList Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var list = new Dictionary<string, PackageSource>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.GetProperty("packages").EnumerateArray())
        {
            var source = new PackageSource(p.GetProperty("name").GetString()!, p.GetProperty("version").GetString()!, p.GetProperty("integrity").GetString()!);
            list[source.Name] = source;
        }

        return new SourceList(list);
    }

    public PackageSource Get(string name) =>
        _byName.TryGetValue(name, out var source) ? source : throw new ArgumentException($"sources.json lists no package '{name}'");
}
