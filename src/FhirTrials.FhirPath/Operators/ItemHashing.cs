using FhirTrials.FhirPath.Evaluation;

namespace FhirTrials.FhirPath.Operators;

/// <summary>Hash codes consistent with <see cref="Equality.Equal(in FhirPathItem, in FhirPathItem)"/> (equal items hash alike).</summary>
internal static class ItemHashing
{
    public static int Hash(in FhirPathItem item)
    {
        if (item.Node is { } node && node.Type is { IsPrimitive: false })
        {
            return StringComparer.Ordinal.GetHashCode(node.TypeName);
        }

        var s = Scalar.From(item);
        if (!s.HasValue)
        {
            return 1;
        }

        return s.Kind switch
        {
            FhirPathItemKind.String => StringComparer.Ordinal.GetHashCode(s.String!),
            FhirPathItemKind.Integer or FhirPathItemKind.Long or FhirPathItemKind.Decimal => s.Number.GetHashCode(),
            FhirPathItemKind.Boolean => (int)s.Integer + 2,
            FhirPathItemKind.Node => StringComparer.Ordinal.GetHashCode(s.Node!.TypeName),
            _ => 3,
        };
    }
}

/// <summary>
/// Appends items to a list unless an equal item is already among those it appended (the dedup of
/// <c>|</c>, <c>union()</c>, <c>distinct()</c>). Small sets scan; larger ones hash.
/// </summary>
internal struct DistinctAppender
{
    private const int HashFrom = 12;
    private readonly ItemList _target;
    private readonly int _start;
    private Dictionary<int, List<int>>? _buckets;

    public DistinctAppender(ItemList target)
    {
        _target = target;
        _start = target.Count;
        _buckets = null;
    }

    /// <summary>Appends <paramref name="item"/> unless present; false when it was a duplicate.</summary>
    public bool TryAdd(in FhirPathItem item)
    {
        if (Contains(item))
        {
            return false;
        }

        _target.Add(item);
        if (_buckets is not null)
        {
            AddToBucket(_target.Count - 1);
        }
        else if (_target.Count - _start >= HashFrom)
        {
            _buckets = [];
            for (var i = _start; i < _target.Count; i++)
            {
                AddToBucket(i);
            }
        }

        return true;
    }

    public readonly bool Contains(in FhirPathItem item)
    {
        if (_buckets is null)
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

        if (!_buckets.TryGetValue(ItemHashing.Hash(item), out var bucket))
        {
            return false;
        }

        foreach (var i in bucket)
        {
            if (Equality.Equal(_target[i], item) == true)
            {
                return true;
            }
        }

        return false;
    }

    private readonly void AddToBucket(int index)
    {
        var hash = ItemHashing.Hash(_target[index]);
        if (!_buckets!.TryGetValue(hash, out var bucket))
        {
            _buckets[hash] = bucket = new List<int>(1);
        }

        bucket.Add(index);
    }
}
