using FhirTrials.Validation.Definitions;

namespace FhirTrials.Validation.Schema;

/// <summary>
/// A snapshot as a tree: each element with its children (one entry per child element, in order) and,
/// for a sliced element, its slices (each with its own children, re-slices under their parent slice).
/// </summary>
internal sealed class DefNode
{
    private DefNode(ElementDef definition, DefNode? parent)
    {
        Definition = definition;
        Parent = parent;
    }

    public ElementDef Definition { get; }

    public DefNode? Parent { get; }

    public List<DefNode> Children { get; } = [];

    public List<DefNode> Slices { get; } = [];

    /// <summary>Builds the tree of a snapshot (root first).</summary>
    public static DefNode Build(IReadOnlyList<ElementDef> elements)
    {
        ArgumentOutOfRangeException.ThrowIfZero(elements.Count);
        var root = new DefNode(elements[0], null);
        Fill(root, elements, 1, SubtreeEnd(elements, 0));
        return root;
    }

    /// <summary>The direct child entry named as instances name it (<c>value</c> finds <c>value[x]</c>).</summary>
    public DefNode? Child(string instanceName)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Definition.InstanceName, instanceName, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    public override string ToString() => Definition.Id;

    private static void Fill(DefNode node, IReadOnlyList<ElementDef> elements, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var child = new DefNode(elements[i], node);
            var childEnd = SubtreeEnd(elements, i);
            Fill(child, elements, i + 1, childEnd);
            node.Children.Add(child);
            i = childEnd;
            while (i < end && string.Equals(elements[i].Path, child.Definition.Path, StringComparison.Ordinal) && elements[i].SliceName is { } sliceName)
            {
                var owner = child;
                var slash = sliceName.LastIndexOf('/');
                if (slash > 0)
                {
                    owner = FindSlice(child, sliceName[..slash]) ?? child;
                }

                var slice = new DefNode(elements[i], node);
                var sliceEnd = SubtreeEnd(elements, i);
                Fill(slice, elements, i + 1, sliceEnd);
                owner.Slices.Add(slice);
                i = sliceEnd;
            }
        }
    }

    private static DefNode? FindSlice(DefNode entry, string name)
    {
        foreach (var slice in entry.Slices)
        {
            if (string.Equals(slice.Definition.SliceName, name, StringComparison.Ordinal))
            {
                return slice;
            }

            if (FindSlice(slice, name) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static int SubtreeEnd(IReadOnlyList<ElementDef> elements, int index)
    {
        var prefix = elements[index].Path + ".";
        var i = index + 1;
        while (i < elements.Count && elements[i].Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            i++;
        }

        return i;
    }
}
