namespace FhirTrials.Fhir.Introspection;

/// <summary>
/// A small read-only map from ASCII names to values, looked up with the UTF-8 bytes a JSON reader
/// hands out: a cheap hash of the length and three bytes, linear probing, and a vectorized compare.
/// Built once per FHIR type for its JSON property names.
/// </summary>
internal sealed class Utf8NameTable<T>
    where T : class
{
    private readonly byte[][] _names;
    private readonly T[] _values;
    private readonly int[] _slots;
    private readonly int _mask;

    public Utf8NameTable(IReadOnlyCollection<KeyValuePair<string, T>> entries)
    {
        _names = new byte[entries.Count][];
        _values = new T[entries.Count];
        var size = 4;
        while (size < entries.Count * 3)
        {
            size *= 2;
        }

        _mask = size - 1;
        _slots = new int[size];
        var i = 0;
        foreach (var (name, value) in entries)
        {
            _names[i] = System.Text.Encoding.ASCII.GetBytes(name);
            _values[i] = value;
            var slot = Hash(_names[i]) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = ++i;
        }
    }

    public T? Find(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return null;
        }

        var slot = Hash(name) & _mask;
        while (true)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return null;
            }

            if (name.SequenceEqual(_names[entry]))
            {
                return _values[entry];
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static int Hash(ReadOnlySpan<byte> name) =>
        (name.Length * 0x9E37) ^ (name[0] * 0x3C1) ^ (name[name.Length >> 1] * 0x2F) ^ (name[^1] * 0x1F3);
}
