using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tables;

/// <summary>
/// A loaded CT.gov-to-FHIR table for one enumeration: every value of <typeparamref name="TEnum"/> has
/// exactly one row (checked when loading).
/// </summary>
public sealed class MappingTable<TEnum>
    where TEnum : struct, Enum
{
    // The row of each value, by the value's position in declaration order (see EnumWire<TEnum>.IndexOf).
    private readonly MappingRow[] _rows;

    // Per value: true when its mapped code alone does not identify it (unmapped, or shared with other values).
    private readonly bool[] _needsSource;

    internal MappingTable(MappingTableData data, string resourceName)
    {
        Data = data;
        var rows = new MappingRow?[EnumWire<TEnum>.Count];
        foreach (var row in data.Rows)
        {
            TableChecks.Row(data, resourceName, row);
            if (!EnumWire<TEnum>.TryParse(row.Source, out var value))
            {
                throw TableChecks.Invalid(data, resourceName, $"'{row.Source}' is not a CT.gov {data.SourceEnumeration} value");
            }

            ref var slot = ref rows[EnumWire<TEnum>.IndexOf(value)];
            if (slot is not null)
            {
                throw TableChecks.Invalid(data, resourceName, $"'{row.Source}' has more than one row");
            }

            slot = row;
        }

        var missing = new List<string>();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null)
            {
                missing.Add(EnumWire<TEnum>.Names[i]);
            }
        }

        if (missing.Count > 0)
        {
            throw TableChecks.Invalid(data, resourceName, $"no row for {string.Join(", ", missing)}");
        }

        _rows = rows!;
        _needsSource = new bool[_rows.Length];
        for (var i = 0; i < _rows.Length; i++)
        {
            _needsSource[i] = NeedsSource(i);
        }
    }

    public MappingTableData Data { get; }

    public string Id => Data.Id;

    /// <summary>The row for <paramref name="value"/>.</summary>
    public MappingRow Map(TEnum value) => _rows[EnumWire<TEnum>.IndexOf(value)];

    /// <summary>Whether the mapped code of <paramref name="value"/> fails to identify it on its own (so the CT.gov coding must go with it).</summary>
    public bool NeedsSourceCoding(TEnum value) => _needsSource[EnumWire<TEnum>.IndexOf(value)];

    /// <summary>The CT.gov value itself as a coding (exact; keeps the original next to the mapped code).</summary>
    public Coding SourceCoding(TEnum value) => new()
    {
        System = Data.SourceSystem,
        Code = EnumWire<TEnum>.ToWire(value),
        Display = Map(value).SourceDisplay,
    };

    /// <summary>
    /// The CT.gov values a coding can stand for: the value itself for a source coding, or every value
    /// mapped to that target code (several for lossy rows, e.g. UNKNOWN and ACTIVE_NOT_RECRUITING).
    /// </summary>
    public IReadOnlyList<TEnum> Reverse(string system, string code)
    {
        if (string.Equals(system, Data.SourceSystem, StringComparison.Ordinal) && EnumWire<TEnum>.TryParse(code, out var exact))
        {
            return [exact];
        }

        var values = new List<TEnum>();
        for (var i = 0; i < _rows.Length; i++)
        {
            if (_rows[i].System == system && _rows[i].Code == code)
            {
                values.Add(EnumWire<TEnum>.At(i));
            }
        }

        return values; // in ascending order: EnumWire<TEnum> lists values as Enum.GetValues does
    }

    private bool NeedsSource(int position)
    {
        var row = _rows[position];
        if (!row.IsMapped)
        {
            return true;
        }

        if (row.System == Data.SourceSystem)
        {
            return false;
        }

        for (var other = 0; other < _rows.Length; other++)
        {
            if (other != position && _rows[other].System == row.System && _rows[other].Code == row.Code)
            {
                return true;
            }
        }

        return false;
    }
}
