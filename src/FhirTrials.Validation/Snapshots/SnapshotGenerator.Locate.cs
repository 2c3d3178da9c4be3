using FhirTrials.Fhir.Definitions;
using FhirTrials.Fhir.Model;
using FhirTrials.Validation.Definitions;

namespace FhirTrials.Validation.Snapshots;

internal sealed partial class SnapshotGenerator
{
    /// <summary>Finds the snapshot element a differential element constrains, creating slices and expanding children as needed.</summary>
    private int Locate(IdSegment[] segments, DiffElement diff)
    {
        var current = 0;
        if (segments[0].Slice is not null)
        {
            Issue(diff.Def.Id, "the root element cannot be sliced", isError: true);
            return -1;
        }

        for (var k = 1; k < segments.Length; k++)
        {
            var child = FindChild(current, segments[k].Name, diff.Def.Id);
            if (child < 0)
            {
                return -1;
            }

            current = segments[k].Slice is { } slice ? FindOrCreateSlice(child, slice, diff) : child;
            if (current < 0)
            {
                return -1;
            }
        }

        return current;
    }

    /// <summary>The index of the direct child <paramref name="name"/> of the element at <paramref name="parent"/> (the unsliced entry).</summary>
    private int FindChild(int parent, string name, string diffId)
    {
        if (SubtreeEnd(parent) == parent + 1 && !Expand(parent, diffId))
        {
            return -1;
        }

        var parentPath = _work[parent].Path;
        var childPath = parentPath + "." + name;
        var end = SubtreeEnd(parent);
        for (var i = parent + 1; i < end; i++)
        {
            if (_work[i].SliceName is null && string.Equals(_work[i].Path, childPath, StringComparison.Ordinal))
            {
                return i;
            }
        }

        // A renamed choice: valueQuantity names value[x].
        for (var i = parent + 1; i < end; i++)
        {
            var e = _work[i];
            if (e.SliceName is null && e.IsChoice && IsDirectChild(parentPath, e.Path) && ChoiceType(name, e) is not null)
            {
                return i;
            }
        }

        for (var i = parent + 1; i < end; i++)
        {
            var e = _work[i];
            if (e.SliceName is null && e.IsChoice && IsDirectChild(parentPath, e.Path) && name.StartsWith(e.InstanceName, StringComparison.Ordinal))
            {
                Issue(diffId, $"the path must be {e.Path}, not {parentPath}.{name}: '{name[e.InstanceName.Length..]}' is not one of its types ({TypeOf(e)})", isError: true);
                return -1;
            }
        }

        Issue(diffId, $"no element '{name}' in {parentPath} (of type {TypeOf(_work[parent])})", isError: true);
        return -1;
    }

    /// <summary>The slice <paramref name="slice"/> of the sliced element at <paramref name="entry"/>, created when new.</summary>
    private int FindOrCreateSlice(int entry, string slice, DiffElement diff)
    {
        var path = _work[entry].Path;
        var end = SubtreeEnd(entry);
        var baseIndex = entry;
        var parentSlice = slice.Contains('/', StringComparison.Ordinal) ? slice[..slice.LastIndexOf('/')] : null;
        while (end < _work.Count && string.Equals(_work[end].Path, path, StringComparison.Ordinal) && _work[end].SliceName is not null)
        {
            if (string.Equals(_work[end].SliceName, slice, StringComparison.Ordinal))
            {
                return end;
            }

            if (string.Equals(_work[end].SliceName, parentSlice, StringComparison.Ordinal))
            {
                baseIndex = end;
            }

            end = SubtreeEnd(end);
        }

        var sliced = _work[baseIndex];
        if (sliced.Slicing is null && baseIndex == entry)
        {
            if (sliced.Name is "extension" or "modifierExtension")
            {
                _work[entry] = sliced with { Slicing = new SlicingDef([new DiscriminatorDef(DiscriminatorType.Value, "url")], false, SlicingRules.Open, null) };
            }
            else if (!sliced.IsChoice)
            {
                Issue(diff.Def.Id, $"slice '{slice}' is defined, but {sliced.Id} is not sliced (no slicing in the base or the differential)", isError: true);
            }
        }

        // The new slice starts as a copy of what it slices (the entry, or its parent slice when re-slicing), children included.
        var copyEnd = SubtreeEnd(baseIndex);
        var newId = sliced.Id[..(sliced.Id.Length - (sliced.SliceName is null ? 0 : sliced.SliceName.Length + 1))] + ":" + slice;
        var head = sliced with { SliceName = slice, Id = newId, Slicing = null, Min = 0 };
        if (sliced.IsChoice && ChoiceType(slice, sliced) is { } choiceType && !diff.HasTypes)
        {
            head = head with { Types = [.. sliced.Types.Where(t => string.Equals(t.Code, choiceType, StringComparison.Ordinal))] };
        }

        var copy = new List<ElementDef> { head };
        for (var i = baseIndex + 1; i < copyEnd; i++)
        {
            copy.Add(_work[i] with { Id = newId + _work[i].Id[sliced.Id.Length..] });
        }

        _work.InsertRange(end, copy);
        return end;
    }

    /// <summary>Inserts the children of the element at <paramref name="index"/>: of its content reference, its single type's profile, or its type.</summary>
    private bool Expand(int index, string diffId)
    {
        var element = _work[index];
        List<ElementDef> source;
        string sourceRootPath;
        string sourceRootId;
        if (element.ContentReference is { } reference)
        {
            // The content of the referenced element as the type defines it (not as this profile constrains it).
            var target = reference[(reference.IndexOf('#', StringComparison.Ordinal) + 1)..];
            var core = _resolve(R4Definitions.TypeCanonical(_work[0].Path))?.Elements ?? [];
            var at = -1;
            for (var i = 0; i < core.Count && at < 0; i++)
            {
                at = core[i].SliceName is null && string.Equals(core[i].Path, target, StringComparison.Ordinal) ? i : -1;
            }

            if (at < 0)
            {
                Issue(diffId, $"the content reference {reference} of {element.Id} cannot be found", isError: true);
                return false;
            }

            var end = at + 1;
            while (end < core.Count && core[end].Path.StartsWith(target + ".", StringComparison.Ordinal))
            {
                end++;
            }

            source = [.. core.Skip(at).Take(end - at)];
            sourceRootPath = core[at].Path;
            sourceRootId = core[at].Id;
        }
        else
        {
            var codes = element.Types.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
            if (codes.Count != 1)
            {
                Issue(diffId, $"cannot constrain the children of {element.Id}: it has {(codes.Count == 0 ? "no type" : "several types (" + string.Join(", ", codes) + ")")}; constrain one type first", isError: true);
                return false;
            }

            var profiles = element.Types.SelectMany(t => t.Profiles).Distinct(StringComparer.Ordinal).ToList();
            var canonical = profiles.Count == 1 ? profiles[0] : R4Definitions.TypeCanonical(codes[0]);
            var typeSd = _resolve(canonical);
            if (typeSd is null && profiles.Count == 1)
            {
                Issue(diffId, $"the type profile {canonical} of {element.Id} cannot be found: its children are taken from {codes[0]}", isError: false);
                typeSd = _resolve(R4Definitions.TypeCanonical(codes[0]));
            }

            if (typeSd is null)
            {
                Issue(diffId, $"cannot expand {element.Id}: the definition {canonical} cannot be found", isError: true);
                return false;
            }

            source = [.. typeSd.Elements];
            sourceRootPath = typeSd.Elements[0].Path;
            sourceRootId = typeSd.Elements[0].Id;
        }

        var children = new List<ElementDef>(source.Count);
        for (var i = 1; i < source.Count; i++)
        {
            var child = source[i];
            children.Add(child with
            {
                Path = element.Path + child.Path[sourceRootPath.Length..],
                Id = element.Id + child.Id[sourceRootId.Length..],
            });
        }

        _work.InsertRange(index + 1, children);
        return true;
    }

    /// <summary>The index after the last descendant of the element at <paramref name="index"/> (its slices are not descendants).</summary>
    private int SubtreeEnd(int index)
    {
        var prefix = _work[index].Path + ".";
        var i = index + 1;
        while (i < _work.Count && _work[i].Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            i++;
        }

        return i;
    }

    private static bool IsDirectChild(string parentPath, string path) =>
        path.Length > parentPath.Length + 1 && path.StartsWith(parentPath, StringComparison.Ordinal) && path[parentPath.Length] == '.'
        && path.IndexOf('.', parentPath.Length + 1) < 0;

    private static string TypeOf(ElementDef element) => element.Types.Count == 0 ? "?" : string.Join("|", element.Types.Select(t => t.Code));
}
