using System.Collections.Frozen;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Schema;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// The children of an element: each instance child is validated against its element's schema (or its
/// slicing), then every child element's cardinality is checked. Children the type does not know were
/// reported by the parser (or are reported here for trees built in code).
/// </summary>
internal sealed class ChildrenAssertion
{
    private readonly ChildSlot[] _slots;
    private readonly FrozenDictionary<string, int> _byName;
    private readonly string _path;
    private readonly bool _hasSlicing;

    public ChildrenAssertion(string path, ChildSlot[] slots)
    {
        _path = path;
        _slots = slots;
        _hasSlicing = slots.Any(s => s.Slicing is not null);
        _byName = slots.Select((s, i) => (s.Name, i)).DistinctBy(x => x.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<ChildSlot> Slots => _slots;

    public void Validate(ElementNode node, ValidationScope scope)
    {
        var children = node.Children;
        Span<int> counts = _slots.Length <= 64 ? stackalloc int[_slots.Length] : new int[_slots.Length];
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            if (!_byName.TryGetValue(child.Name, out var index))
            {
                if (child.Type is null && !scope.StructureReported)
                {
                    scope.Error(IssueType.Structure, child, $"unknown element '{child.Name}': {_path} has no such child");
                }

                continue;
            }

            counts[index]++;
            var slot = _slots[index];
            if (slot.Slicing is not null)
            {
                continue;
            }

            if (child.Type is not null)
            {
                slot.Schema.Validate(child, scope);
            }
        }

        if (_hasSlicing)
        {
            ValidateSliced(node, scope, counts);
        }

        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            var count = counts[i];
            if (count < slot.Min)
            {
                scope.Error(IssueType.Required, node, count == 0
                    ? $"{slot.Path}: minimum required = {slot.Min}, but only found 0"
                    : $"{slot.Path}: minimum required = {slot.Min}, but only found {count}", "cardinality-min");
            }
            else if (slot.Max >= 0 && count > slot.Max && !(slot.BaseMax == 1 && scope.StructureReported))
            {
                var extra = FindNth(node, slot.Name, slot.Max) ?? node;
                scope.Error(IssueType.Structure, extra, slot.Max == 0
                    ? $"{slot.Path}: this element is not allowed here (maximum = 0), but found {count}"
                    : $"{slot.Path}: maximum allowed = {slot.Max}, but found {count}", "cardinality-max");
            }
        }
    }

    private void ValidateSliced(ElementNode node, ValidationScope scope, Span<int> counts)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].Slicing is not { } slicing)
            {
                continue;
            }

            if (counts[i] == 0)
            {
                slicing.CheckEmpty(node, scope);
                continue;
            }

            var items = new List<ElementNode>(counts[i]);
            foreach (var child in node.Children)
            {
                if (child.Type is not null && string.Equals(child.Name, _slots[i].Name, StringComparison.Ordinal))
                {
                    items.Add(child);
                }
            }

            slicing.Validate(items, node, scope);
        }
    }

    private static ElementNode? FindNth(ElementNode node, string name, int n)
    {
        var seen = 0;
        foreach (var child in node.Children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal) && seen++ == n)
            {
                return child;
            }
        }

        return null;
    }
}

/// <summary>One child element of a compiled element: its instance name, cardinality (and the base maximum, which decides the JSON shape), schema and slicing.</summary>
internal sealed record ChildSlot(string Name, string Path, int Min, int Max, int BaseMax, ElementSchema Schema, SliceAssertion? Slicing);
