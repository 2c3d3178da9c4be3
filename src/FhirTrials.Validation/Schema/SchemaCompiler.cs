using FhirTrials.Validation.Builders;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Slicing;
using FhirTrials.Validation.Validators;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// Compiles a StructureDefinition snapshot into a tree of element schemas: for each element, one
/// builder per ElementDefinition aspect contributes its assertions; children (with cardinality and
/// slicing) are compiled recursively. Other definitions are linked lazily, never compiled here.
/// </summary>
internal sealed class SchemaCompiler
{
    private static readonly IAssertionBuilder[] Builders =
    [
        new TypeBuilder(),
        new FixedBuilder(),
        new PatternBuilder(),
        new BindingBuilder(),
        new MaxLengthBuilder(),
        new MinMaxValueBuilder(),
        new ReferenceBuilder(),
        new CanonicalBuilder(),
        new NativeRulesBuilder(),
        new InvariantBuilder(),
        new ContentReferenceBuilder(),
    ];

    private readonly ValidatorServices _services;
    private readonly Dictionary<string, DefNode?> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<DefNode, ElementSchema> _compiled = [];
    private readonly List<string> _issues = [];
    private readonly Dictionary<string, SliceCase> _slices = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ElementSchema> _byPath = new(StringComparer.Ordinal);
    private StructureDef _definition = null!;
    private DefNode _root = null!;

    public SchemaCompiler(ValidatorServices services) => _services = services;

    public ProfileSchema Compile(StructureDef definition)
    {
        _definition = definition;
        _root = DefNode.Build(definition.Elements);
        var root = CompileElement(_root);
        var snapshotIssues = _services.Definitions.SnapshotIssues(definition.Url).ToList();
        snapshotIssues.AddRange(_issues.Select(i => new Snapshots.SnapshotIssue(definition.Url, null, i, IsError: false)));
        return new ProfileSchema(definition, _root, root, snapshotIssues, _slices, _byPath);
    }

    public ValidatorServices Services => _services;

    public StructureDef Definition => _definition;

    /// <summary>The compiled schema of an element of this definition (for content references), once compiled.</summary>
    public ElementSchema? Compiled(DefNode node) => _compiled.GetValueOrDefault(node);

    /// <summary>The element with this path (no slice) in this definition.</summary>
    public DefNode? FindByPath(string path) => Find(_root, path);

    public void Issue(string message) => _issues.Add(message);

    /// <summary>The snapshot tree of another definition (type profiles, extension definitions), for compile-time lookups.</summary>
    public DefNode? Tree(string canonical)
    {
        if (!_trees.TryGetValue(canonical, out var tree))
        {
            tree = _services.Definitions.Get(canonical) is { Elements.Count: > 0 } sd ? DefNode.Build(sd.Elements) : null;
            _trees[canonical] = tree;
        }

        return tree;
    }

    private ElementSchema CompileElement(DefNode node)
    {
        var schema = new ElementSchema(node.Definition, _definition.Url);
        _compiled[node] = schema;
        if (node.Definition.SliceName is null)
        {
            _byPath.TryAdd(node.Definition.Path, schema);
        }

        var context = new BuildContext(node, schema, this, IsRoot: ReferenceEquals(node, _root));
        var assertions = new List<IAssertion>();
        foreach (var builder in Builders)
        {
            builder.Build(context, assertions);
        }

        schema.Complete([.. assertions], node.Children.Count > 0 ? CompileChildren(node) : null);
        return schema;
    }

    private ChildrenAssertion CompileChildren(DefNode node)
    {
        var slots = new List<ChildSlot>(node.Children.Count);
        var primitiveValue = string.Equals(_definition.Kind, "primitive-type", StringComparison.Ordinal) && ReferenceEquals(node, _root)
            ? _definition.Type + ".value" : null;
        foreach (var child in node.Children)
        {
            var def = child.Definition;
            if (string.Equals(def.Path, primitiveValue, StringComparison.Ordinal))
            {
                continue; // a primitive's value is the node's text, checked by the parser
            }

            var schema = CompileElement(child);
            var slicing = def.Slicing is { } s && child.Slices.Count > 0 ? CompileSlicing(child, schema, s) : null;
            slots.Add(new ChildSlot(def.InstanceName, def.Path, def.Min, def.Max, def.BaseMax, schema, slicing));
        }

        return new ChildrenAssertion(node.Definition.Path, [.. slots]);
    }

    private SliceAssertion CompileSlicing(DefNode entry, ElementSchema entrySchema, SlicingDef slicing)
    {
        var conditions = new SliceConditionBuilder(_services, Tree, Issue);
        var cases = new List<SliceCase>(entry.Slices.Count);
        foreach (var slice in entry.Slices)
        {
            var schema = CompileElement(slice);
            var reslicing = slice.Definition.Slicing is { } inner && slice.Slices.Count > 0 ? CompileSlicing(slice, schema, inner) : null;
            var name = slice.Definition.SliceName ?? "?";
            var sliceCase = new SliceCase(name, slice.Definition.Min, slice.Definition.Max, conditions.Build(slice, slicing), schema, reslicing);
            _slices.TryAdd(name, sliceCase);
            cases.Add(sliceCase);
        }

        return new SliceAssertion(entry.Definition.Path, entrySchema, slicing, [.. cases]);
    }

    private static DefNode? Find(DefNode node, string path)
    {
        if (string.Equals(node.Definition.Path, path, StringComparison.Ordinal) && node.Definition.SliceName is null)
        {
            return node;
        }

        foreach (var child in node.Children)
        {
            if (path.StartsWith(child.Definition.Path, StringComparison.Ordinal) && Find(child, path) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
