using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Tables;

/// <summary>Phase lists (one phase or a CT.gov combination such as PHASE1+PHASE2) to one FHIR phase code.</summary>
public sealed class PhaseTable
{
    private const char Separator = '+';
    private readonly Dictionary<string, MappingRow> _rows;

    internal PhaseTable(MappingTableData data, string resourceName)
    {
        Data = data;
        var rows = new Dictionary<string, MappingRow>(StringComparer.Ordinal);
        foreach (var row in data.Rows)
        {
            TableChecks.Row(data, resourceName, row);
            var phases = new List<Phase>();
            foreach (var part in row.Source.Split(Separator))
            {
                if (!EnumWire<Phase>.TryParse(part, out var phase))
                {
                    throw TableChecks.Invalid(data, resourceName, $"'{part}' in '{row.Source}' is not a CT.gov Phase value");
                }

                phases.Add(phase);
            }

            if (Key(phases) != row.Source || !rows.TryAdd(row.Source, row))
            {
                throw TableChecks.Invalid(data, resourceName, $"'{row.Source}' is duplicated or not in CT.gov order");
            }
        }

        var missing = EnumWire<Phase>.Names.Where(wire => !rows.ContainsKey(wire)).ToList();
        if (missing.Count > 0)
        {
            throw TableChecks.Invalid(data, resourceName, $"no row for {string.Join(", ", missing)}");
        }

        _rows = rows.ToDictionary(StringComparer.Ordinal);
    }

    public MappingTableData Data { get; }

    /// <summary>The row for a phase list in any order, or null for an empty list or a combination CT.gov does not use.</summary>
    public MappingRow? Map(IReadOnlyList<Phase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        return phases.Count == 0 ? null : _rows.GetValueOrDefault(Key(phases));
    }

    /// <summary>The phase list a target code stands for, or null when the code is not in the table.</summary>
    public IReadOnlyList<Phase>? Reverse(string system, string code)
    {
        var row = _rows.Values.FirstOrDefault(candidate => candidate.System == system && candidate.Code == code);
        return row is null ? null : [.. row.Source.Split(Separator).Select(part => EnumWire<Phase>.TryParse(part, out var phase) ? phase : default)];
    }

    /// <summary>Table key of a phase list: distinct phases in CT.gov order joined with "+".</summary>
    public static string Key(IReadOnlyList<Phase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);

        // A flag per phase in declaration (= CT.gov) order; no LINQ over the enumeration, which every process
        // would compile at run time (ADR 0008), on a path taken for every trial.
        Span<bool> present = stackalloc bool[EnumWire<Phase>.Count];
        for (var i = 0; i < phases.Count; i++)
        {
            present[EnumWire<Phase>.IndexOf(phases[i])] = true;
        }

        var key = new System.Text.StringBuilder();
        for (var position = 0; position < present.Length; position++)
        {
            if (present[position])
            {
                if (key.Length > 0)
                {
                    key.Append(Separator);
                }

                key.Append(EnumWire<Phase>.Names[position]);
            }
        }

        return key.ToString();
    }

    /// <summary>Whether <paramref name="phases"/> is already its own key: distinct and in CT.gov order.</summary>
    public static bool IsInKeyOrder(IReadOnlyList<Phase> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        for (var i = 1; i < phases.Count; i++)
        {
            if (EnumWire<Phase>.IndexOf(phases[i]) <= EnumWire<Phase>.IndexOf(phases[i - 1]))
            {
                return false;
            }
        }

        return true;
    }
}
