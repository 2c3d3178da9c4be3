using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Schema;
using FhirTrials.Validation.Slicing;

namespace FhirTrials.Validation.Validators;

/// <summary>
/// The slicing of a repeating element: each item is matched to the first slice whose discriminators
/// it meets and validated against that slice (items in no slice against the unsliced element, or
/// rejected when the slicing is closed); then slice order and slice cardinalities are checked.
/// </summary>
internal sealed class SliceAssertion
{
    private readonly ElementSchema _entry;
    private readonly SlicingDef _slicing;
    private readonly SliceCase[] _slices;
    private readonly string _path;

    public SliceAssertion(string path, ElementSchema entry, SlicingDef slicing, SliceCase[] slices)
    {
        _path = path;
        _entry = entry;
        _slicing = slicing;
        _slices = slices;
    }

    public IReadOnlyList<SliceCase> Slices => _slices;

    public void Validate(IReadOnlyList<ElementNode> items, ElementNode parent, ValidationScope scope)
    {
        Span<int> counts = _slices.Length <= 64 ? stackalloc int[_slices.Length] : new int[_slices.Length];
        var lastMatched = -1;
        var unmatchedSeen = false;
        foreach (var item in items)
        {
            var match = Match(item, scope);
            if (match < 0)
            {
                unmatchedSeen = true;
                if (_slicing.Rules == SlicingRules.Closed)
                {
                    scope.Error(IssueType.Structure, item, $"{_path}: this item matches none of the slices ({SliceNames()}), and the slicing is closed", "slicing-closed");
                }

                _entry.Validate(item, scope);
                continue;
            }

            counts[match]++;
            if (_slicing.Ordered && match < lastMatched)
            {
                scope.Error(IssueType.Structure, item, $"{_path}: slice '{_slices[match].Name}' is out of order: the slices must appear in the order {SliceNames()}", "slicing-order");
            }

            if (_slicing.Rules == SlicingRules.OpenAtEnd && unmatchedSeen)
            {
                scope.Error(IssueType.Structure, item, $"{_path}: slice '{_slices[match].Name}' follows items that match no slice, but the slicing is open at the end only", "slicing-open-at-end");
            }

            lastMatched = Math.Max(lastMatched, match);
            var slice = _slices[match];
            if (slice.Reslicing is { } reslicing)
            {
                reslicing.ValidateOne(item, slice.Schema, scope);
            }
            else
            {
                slice.Schema.Validate(item, scope);
            }
        }

        CheckCounts(parent, scope, counts);
    }

    /// <summary>Validates an item of a sliced slice: against the matching re-slice, or the slice itself.</summary>
    private void ValidateOne(ElementNode item, ElementSchema fallback, ValidationScope scope)
    {
        var match = Match(item, scope);
        (match < 0 ? fallback : _slices[match].Schema).Validate(item, scope);
    }

    /// <summary>The first slice the item belongs to, or -1.</summary>
    public int Match(ElementNode item, ValidationScope scope)
    {
        for (var i = 0; i < _slices.Length; i++)
        {
            if (_slices[i].Condition.Matches(item, scope))
            {
                return i;
            }
        }

        return -1;
    }

    private void CheckCounts(ElementNode parent, ValidationScope scope, Span<int> counts)
    {
        for (var i = 0; i < _slices.Length; i++)
        {
            var slice = _slices[i];
            if (counts[i] < slice.Min)
            {
                scope.Error(IssueType.Required, parent, $"{_path}: slice '{slice.Name}' requires at least {slice.Min} item(s) ({slice.Condition}), but found {counts[i]}", "slice-min");
            }
            else if (slice.Max >= 0 && counts[i] > slice.Max)
            {
                scope.Error(IssueType.Structure, parent, $"{_path}: slice '{slice.Name}' allows at most {slice.Max} item(s) ({slice.Condition}), but found {counts[i]}", "slice-max");
            }
        }
    }

    /// <summary>Checks the minimum of each slice when the element has no items at all.</summary>
    public void CheckEmpty(ElementNode parent, ValidationScope scope) => CheckCounts(parent, scope, stackalloc int[_slices.Length]);

    private string SliceNames() => string.Join(", ", _slices.Select(s => s.Name));
}

/// <summary>One slice: its name, cardinality, how items are recognised, its schema and any re-slicing of it.</summary>
internal sealed record SliceCase(string Name, int Min, int Max, ISliceCondition Condition, ElementSchema Schema, SliceAssertion? Reslicing);
