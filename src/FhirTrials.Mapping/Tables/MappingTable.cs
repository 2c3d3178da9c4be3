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
    private readonly Dictionary<TEnum, MappingRow> _rows;

    internal MappingTable(MappingTableData data, string resourceName)
    {
        Data = data;
        var rows = new Dictionary<TEnum, MappingRow>();
        foreach (var row in data.Rows)
        {
            TableChecks.Row(data, resourceName, row);
            if (!EnumWire<TEnum>.TryParse(row.Source, out var value))
            {
                throw TableChecks.Invalid(data, resourceName, $"'{row.Source}' is not a CT.gov {data.SourceEnumeration} value");
            }

            if (!rows.TryAdd(value, row))
            {
                throw TableChecks.Invalid(data, resourceName, $"'{row.Source}' has more than one row");
            }
        }

        var missing = Enum.GetValues<TEnum>().Where(value => !rows.ContainsKey(value)).Select(EnumWire<TEnum>.ToWire).ToList();
        if (missing.Count > 0)
        {
            throw TableChecks.Invalid(data, resourceName, $"no row for {string.Join(", ", missing)}");
        }

        _rows = rows.ToDictionary();
    }

    public MappingTableData Data { get; }

    public string Id => Data.Id;

    /// <summary>The row for <paramref name="value"/>.</summary>
    public MappingRow Map(TEnum value) => _rows[value];

    /// <summary>The CT.gov value itself as a coding (exact; keeps the original next to the mapped code).</summary>
    public Coding SourceCoding(TEnum value) => new()
    {
        System = Data.SourceSystem,
        Code = EnumWire<TEnum>.ToWire(value),
        Display = _rows[value].SourceDisplay,
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

        return [.. _rows.Where(pair => pair.Value.System == system && pair.Value.Code == code)
            .Select(pair => pair.Key)
            .OrderBy(value => value)];
    }
}
