using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Operators;

/// <summary>
/// Appends items to a list unless an equal item is already among those it appended (the dedup of
/// <c>|</c>, <c>union()</c>, <c>distinct()</c>). Small sets scan; larger ones use an open-addressing
/// hash index over the list (one array, no per-item allocations).
/// </summary>
internal struct DistinctAppender
{
    private const int HashFrom = 12;
    private readonly ItemList _target;
    private readonly int _start;
    private int[]? _slots;

    public DistinctAppender(ItemList target)
    {
        _target = target;
        _start = target.Count;
        _slots = null;
    }

    /// <summary>Appends <paramref name="item"/> unless present; false when it was a duplicate.</summary>
    public bool TryAdd(in FhirPathItem item)
    {
        var hash = _slots is null ? 0 : ItemHashing.Hash(item);
        if (Contains(item, hash))
        {
            return false;
        }

        _target.Add(item);
        var count = _target.Count - _start;
        if (_slots is not null && count * 2 <= _slots.Length)
        {
            Insert(_slots, _target.Count - 1, hash);
        }
        else if (count >= HashFrom)
        {
            Rebuild(count * 4);
        }

        return true;
    }

    private readonly bool Contains(in FhirPathItem item, int hash)
    {
        if (_slots is null)
        {
            for (var i = _start; i < _target.Count; i++)
            {
                if (Equality.Equal(_target[i], item) == true)
                {
                    return true;
                }
            }

            return false;
        }

        var mask = _slots.Length - 1;
        for (var slot = hash & mask; _slots[slot] != 0; slot = (slot + 1) & mask)
        {
            if (Equality.Equal(_target[_slots[slot] - 1], item) == true)
            {
                return true;
            }
        }

        return false;
    }

    private void Rebuild(int minimum)
    {
        var size = 16;
        while (size < minimum)
        {
            size *= 2;
        }

        var slots = new int[size];
        for (var i = _start; i < _target.Count; i++)
        {
            Insert(slots, i, ItemHashing.Hash(_target[i]));
        }

        _slots = slots;
    }

    /// <summary>Records list index <paramref name="index"/> (stored plus one, so zero means free).</summary>
    private static void Insert(int[] slots, int index, int hash)
    {
        var mask = slots.Length - 1;
        var slot = hash & mask;
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        slots[slot] = index + 1;
    }
}
