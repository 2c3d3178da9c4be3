using FhirTrials.Fhir.DataFiles;

namespace FhirTrials.Mapping.Tables;

/// <summary>Time unit words ("Years", "wk") to UCUM codes ("a", "wk").</summary>
public sealed class TimeUnitTable
{
    private readonly Dictionary<string, TimeUnit> _byWord;
    private readonly Dictionary<string, TimeUnit> _byUcum;

    internal TimeUnitTable(TimeUnitTableData data)
    {
        Data = data;
        _byUcum = data.Units.ToDictionary(unit => unit.Ucum, StringComparer.Ordinal);
        _byWord = data.Units
            .SelectMany(unit => unit.Words.Select(word => (word, unit)))
            .ToDictionary(pair => pair.word, pair => pair.unit, StringComparer.OrdinalIgnoreCase);
    }

    public TimeUnitTableData Data { get; }

    /// <summary>UCUM code for a unit word (case-insensitive), e.g. "Years" gives "a".</summary>
    public bool TryGetUcum(string word, out string ucum)
    {
        var found = _byWord.TryGetValue(word, out var unit);
        ucum = unit?.Ucum ?? "";
        return found;
    }

    /// <summary>Whether <paramref name="ucum"/> is one of the time units the record format uses.</summary>
    public bool IsTimeUnit(string ucum) => _byUcum.ContainsKey(ucum);

    /// <summary>Display name of a UCUM time unit, e.g. "a" gives "year".</summary>
    public string? Display(string ucum) => _byUcum.TryGetValue(ucum, out var unit) ? unit.Display : null;
}

/// <summary>The time-units table file.</summary>
public sealed record TimeUnitTableData
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required IReadOnlyList<TimeUnit> Units { get; init; }

    /// <summary>Reads the time-units file (see <see cref="DataFile"/>).</summary>
    internal static TimeUnitTableData Read(DataObject table)
    {
        table.Members("id", "title", "description", "units");
        return new()
        {
            Id = table.Text("id"),
            Title = table.Text("title"),
            Description = table.OptionalText("description"),
            Units = table.Objects("units", TimeUnit.Read),
        };
    }
}

/// <summary>A UCUM time unit and the words written for it.</summary>
public sealed record TimeUnit
{
    public required string Ucum { get; init; }

    public required string Display { get; init; }

    public required IReadOnlyList<string> Words { get; init; }

    internal static TimeUnit Read(DataObject unit)
    {
        unit.Members("ucum", "display", "words");
        return new() { Ucum = unit.Text("ucum"), Display = unit.Text("display"), Words = unit.Texts("words") };
    }
}
