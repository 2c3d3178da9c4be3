using System.Runtime.CompilerServices;
using FhirTrials.Fhir.Introspection;

namespace FhirTrials.Fhir.ElementModel;

/// <summary>
/// A node of the dynamic element tree: one FHIR element (or resource) of any R4 type, with its FHIR
/// type, its definition, its primitive value in lexical form, its children and where it came from.
/// The validator and the FHIRPath engine work on this tree; it can hold every R4 resource, including
/// types the typed model has no class for.
/// </summary>
public sealed partial class ElementNode
{
    // Names of the rare nodes whose name is not their definition's or root type's (unknown elements,
    // untyped roots): kept aside so that every other node stays small.
    private static readonly ConditionalWeakTable<ElementNode, string> ExtraNames = new();

    // Kept small (64 bytes): a large file's tree has millions of nodes that outlive young collections.
    private readonly ElementBinding _binding;
    private ElementNode[]? _children;
    private LexicalText _text;

    // The parent; for a root parsed from JSON, the SourceText it came from.
    private object? _up;

    // The index among same-named siblings; the sign bit says "written as a JSON array member".
    private int _index;

    internal ElementNode(string name, FhirTypeInfo? type, ElementInfo? definition, ElementNode? parent)
    {
        _binding = ElementBinding.Of(definition, type);
        _up = parent;
        if (!string.Equals(name, definition?.Name ?? (parent is null ? type?.Name : null), StringComparison.Ordinal))
        {
            ExtraNames.AddOrUpdate(this, name);
        }
    }

    /// <summary>A node of a known element (its name is the definition's).</summary>
    internal ElementNode(ElementBinding binding, ElementNode parent)
    {
        _binding = binding;
        _up = parent;
    }

    /// <summary>The element name as FHIRPath sees it (<c>value</c> for <c>valueQuantity</c>); for a root resource its type name.</summary>
    public string Name => Definition?.Name ?? (Parent is null ? Type?.Name : null) ?? (ExtraNames.TryGetValue(this, out var name) ? name : string.Empty);

    /// <summary>The FHIR type of this instance (for a choice: the chosen type; for a backbone: its nested type); null for unknown elements.</summary>
    public FhirTypeInfo? Type => _binding.Type;

    /// <summary>The element's definition in its parent's type; null for a root resource and for unknown elements.</summary>
    public ElementInfo? Definition => _binding.Definition;

    public ElementNode? Parent => _up as ElementNode;

    /// <summary>The lexical value of a primitive (JSON strings, numbers as written, <c>true</c>/<c>false</c>); null when the element has none.</summary>
    public string? Text
    {
        get => _text.Get();
        set => _text.Set(value);
    }

    /// <summary>The value's storage: writers copy a parsed value's source bytes while it was never decoded.</summary>
    internal ref LexicalText Lexical => ref _text;

    /// <summary>True when the node has a value (without decoding it).</summary>
    internal bool HasText => _text.HasValue;

    /// <summary>The JSON token the value was read from; <see cref="JsonRawKind.None"/> for nodes built in code.</summary>
    public JsonRawKind RawKind
    {
        get => _text.Kind;
        internal set => _text.Kind = value;
    }

    /// <summary>The position among siblings of the same name (the index in the JSON array).</summary>
    public int Index
    {
        get => _index & int.MaxValue;
        internal set => _index = (_index & int.MinValue) | value;
    }

    internal bool IsJsonArrayMember
    {
        get => _index < 0;
        set => _index = value ? _index | int.MinValue : _index & int.MaxValue;
    }

    /// <summary>The FHIR type name FHIRPath reports (<c>BackboneElement</c> for backbones); the JSON shape's kind for unknown elements.</summary>
    public string TypeName => Type?.InstanceTypeName ?? (Children.Count > 0 ? "Element" : "string");

    public bool IsResource => Type is { Kind: FhirTypeKind.Resource };

    public bool IsPrimitive => Type is { Kind: FhirTypeKind.Primitive };

    /// <summary>The children in document order.</summary>
    public IReadOnlyList<ElementNode> Children => _children ?? [];

    /// <summary>The children array itself (null when there are none), for writers that walk it often.</summary>
    internal ElementNode[]? ChildArray => _children;

    /// <summary>True when the node carries no value and no children (such nodes are never written).</summary>
    public bool IsEmpty => !_text.HasValue && (_children is null || _children.Length == 0);

    /// <summary>The children with the given name, in order.</summary>
    public IEnumerable<ElementNode> ChildrenNamed(string name)
    {
        if (_children is null)
        {
            yield break;
        }

        foreach (var child in _children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                yield return child;
            }
        }
    }

    /// <summary>The first child with the given name, or null.</summary>
    public ElementNode? Child(string name)
    {
        if (_children is not null)
        {
            foreach (var child in _children)
            {
                if (string.Equals(child.Name, name, StringComparison.Ordinal))
                {
                    return child;
                }
            }
        }

        return null;
    }

    /// <summary>The nearest resource at or above this node (the node itself for a resource).</summary>
    public ElementNode? EnclosingResource
    {
        get
        {
            for (var n = this; n is not null; n = n.Parent)
            {
                if (n.IsResource)
                {
                    return n;
                }
            }

            return null;
        }
    }

    /// <summary>The root of the tree.</summary>
    public ElementNode Root
    {
        get
        {
            var n = this;
            while (n.Parent is not null)
            {
                n = n.Parent;
            }

            return n;
        }
    }

    public override string ToString() => Text is null ? Location : $"{Location} = {Text}";

    /// <summary>Moves the parser's collected children (from <paramref name="start"/> to the end of <paramref name="scratch"/>) into an exact-size array.</summary>
    internal void TakeChildren(List<ElementNode> scratch, int start)
    {
        var count = scratch.Count - start;
        if (count == 0)
        {
            return;
        }

        var children = new ElementNode[count];
        scratch.CopyTo(start, children, 0, count);
        scratch.RemoveRange(start, count);
        _children = children;
    }

    /// <summary>Lets go of the children once the typed parser has turned this resource into its class.</summary>
    internal void ReleaseChildren() => _children = null;

    /// <summary>Appends a child built in code.</summary>
    internal void AppendChild(ElementNode child)
    {
        var children = _children ?? [];
        Array.Resize(ref children, children.Length + 1);
        children[^1] = child;
        _children = children;
    }
}
