using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Snapshots;

namespace FhirTrials.Validation.Schema;

/// <summary>A StructureDefinition compiled for validation: its root element schema and the snapshot tree it came from.</summary>
internal sealed class ProfileSchema
{
    private readonly IReadOnlyDictionary<string, Validators.SliceCase> _slices;
    private readonly IReadOnlyDictionary<string, ElementSchema> _byPath;

    public ProfileSchema(StructureDef definition, DefNode tree, ElementSchema root, IReadOnlyList<SnapshotIssue> snapshotIssues, IReadOnlyDictionary<string, Validators.SliceCase> slices, IReadOnlyDictionary<string, ElementSchema> byPath)
    {
        _slices = slices;
        _byPath = byPath;
        Definition = definition;
        Tree = tree;
        Root = root;
        SnapshotIssues = snapshotIssues;
    }

    public StructureDef Definition { get; }

    public DefNode Tree { get; }

    public ElementSchema Root { get; }

    public IReadOnlyList<SnapshotIssue> SnapshotIssues { get; }

    public string Url => Definition.Url;

    /// <summary>True for the base definition of a type (not a profile of it).</summary>
    public bool IsBaseType => !Definition.IsConstraint;

    /// <summary>The schema of the (unsliced) element with this path.</summary>
    public ElementSchema? FindByPath(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>A slice of this definition by name (for FHIRPath's <c>slice()</c>).</summary>
    public Validators.SliceCase? FindSlice(string name) => _slices.GetValueOrDefault(name);

    public override string ToString() => Url;
}

/// <summary>A lazily resolved link to another compiled definition (type, type profile): compiled on first use, then remembered.</summary>
internal sealed class SchemaRef
{
    private readonly SchemaCache _cache;
    private ProfileSchema? _schema;
    private volatile bool _resolved;

    public SchemaRef(SchemaCache cache, string canonical)
    {
        _cache = cache;
        Canonical = canonical;
    }

    public string Canonical { get; }

    public ProfileSchema? Get()
    {
        if (!_resolved)
        {
            _schema = _cache.Get(Canonical);
            _resolved = true;
        }

        return _schema;
    }

    public override string ToString() => Canonical;
}
