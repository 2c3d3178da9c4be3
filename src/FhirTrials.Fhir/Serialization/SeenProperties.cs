namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Which elements of one JSON object have had their value part and their <c>_name</c> part, by element
/// order: bit masks for the first 64 elements, a set beyond. Detects duplicates without allocating.
/// </summary>
internal struct SeenProperties
{
    private ulong _values;
    private ulong _extensions;
    private HashSet<int>? _overflow;

    /// <summary>Marks a part as seen; false when it had been seen already.</summary>
    public bool Mark(int order, bool extensionPart)
    {
        if (order < 64)
        {
            var bit = 1UL << order;
            ref var mask = ref extensionPart ? ref _extensions : ref _values;
            var fresh = (mask & bit) == 0;
            mask |= bit;
            return fresh;
        }

        return (_overflow ??= []).Add((order * 2) + (extensionPart ? 1 : 0));
    }

    public readonly bool Has(int order, bool extensionPart)
    {
        if (order < 64)
        {
            return ((extensionPart ? _extensions : _values) & (1UL << order)) != 0;
        }

        return _overflow is not null && _overflow.Contains((order * 2) + (extensionPart ? 1 : 0));
    }
}
