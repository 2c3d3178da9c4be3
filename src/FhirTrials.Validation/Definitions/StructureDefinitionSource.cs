using System.Collections.Concurrent;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;
using FhirTrials.Validation.Snapshots;

namespace FhirTrials.Validation.Definitions;

/// <summary>
/// StructureDefinitions by canonical, each with a snapshot: read from the package when it has one,
/// generated from its differential otherwise. Cached per canonical; thread-safe; cycles between
/// definitions (a profile whose type profile needs the profile itself) end in a reported issue.
/// </summary>
internal sealed class StructureDefinitionSource
{
    [ThreadStatic]
    private static HashSet<string>? t_inProgress;

    private readonly IResourceResolver _resolver;
    private readonly ConcurrentDictionary<string, Lazy<Entry>> _cache = new(StringComparer.Ordinal);

    public StructureDefinitionSource(IResourceResolver resolver) => _resolver = resolver;

    public IResourceResolver Resolver => _resolver;

    /// <summary>The definition with its snapshot, or null when it cannot be found (or its snapshot cannot be built).</summary>
    public StructureDef? Get(string canonical) => GetEntry(canonical).Definition;

    /// <summary>The problems found generating the snapshot of <paramref name="canonical"/> (empty when it came with one).</summary>
    public IReadOnlyList<SnapshotIssue> SnapshotIssues(string canonical) => GetEntry(canonical).Issues;

    /// <summary>True when a StructureDefinition with this canonical exists (snapshot or not).</summary>
    public bool Exists(string canonical) => _resolver.ResolveNode(canonical) is { Type.Name: "StructureDefinition" };

    private Entry GetEntry(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        if (_cache.TryGetValue(canonical, out var cached) && cached.IsValueCreated)
        {
            return cached.Value;
        }

        var inProgress = t_inProgress ??= new HashSet<string>(StringComparer.Ordinal);
        if (inProgress.Contains(canonical))
        {
            return new Entry(null, [new SnapshotIssue(canonical, null, "the definition depends on itself (a cycle between profiles)", true)]);
        }

        return _cache.GetOrAdd(canonical, c => new Lazy<Entry>(() => Load(c))).Value;
    }

    private Entry Load(string canonical)
    {
        var node = _resolver.ResolveNode(canonical);
        if (node is not { Type.Name: "StructureDefinition" })
        {
            return new Entry(null, []);
        }

        if (StructureDefReader.HasSnapshot(node))
        {
            return new Entry(StructureDefReader.Read(node), []);
        }

        var inProgress = t_inProgress ??= new HashSet<string>(StringComparer.Ordinal);
        inProgress.Add(canonical);
        try
        {
            return Generate(node);
        }
        finally
        {
            inProgress.Remove(canonical);
        }
    }

    private Entry Generate(ElementNode node)
    {
        var generator = new SnapshotGenerator(Get);
        var definition = generator.Generate(node);
        return new Entry(definition, generator.Issues);
    }

    private sealed record Entry(StructureDef? Definition, IReadOnlyList<SnapshotIssue> Issues);
}
