using System.Collections;

namespace FhirTrials.FhirPath.Evaluation;

/// <summary>A growable buffer of items, rented from an <see cref="EvalState"/> and reused across evaluations.</summary>
internal sealed class ItemList : IReadOnlyList<FhirPathItem>
{
    private FhirPathItem[] _items;

    public ItemList(int capacity = 4) => _items = new FhirPathItem[capacity];

    public int Count { get; private set; }

    public FhirPathItem this[int index] => _items[index];

    public void Add(in FhirPathItem item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = item;
    }

    public void AddRange(ItemList other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other._items[i]);
        }
    }

    public void AddRange(IReadOnlyList<FhirPathItem> other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other[i]);
        }
    }

    /// <summary>Empties the list, dropping references so pooled lists do not keep trees alive.</summary>
    public void Clear()
    {
        if (Count > 0)
        {
            Array.Clear(_items, 0, Count);
            Count = 0;
        }
    }

    /// <summary>Keeps the first <paramref name="count"/> items.</summary>
    public void Truncate(int count)
    {
        if (count < Count)
        {
            Array.Clear(_items, count, Count - count);
            Count = count;
        }
    }

    public FhirPathItem[] ToArray() => Count == 0 ? [] : _items.AsSpan(0, Count).ToArray();

    public ReadOnlySpan<FhirPathItem> AsSpan() => _items.AsSpan(0, Count);

    public Span<FhirPathItem> AsWritableSpan() => _items.AsSpan(0, Count);

    public IEnumerator<FhirPathItem> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _items[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
