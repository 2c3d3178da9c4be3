namespace FhirTrials.Eligibility.Matching.Units;

/// <summary>UCUM units by code (case-sensitive, as UCUM codes are): the criteria unit table plus the matcher's additions.</summary>
internal sealed class UnitCatalog
{
    private readonly Dictionary<string, UcumUnit> _units = new(StringComparer.Ordinal);

    public UnitCatalog(IEnumerable<UcumUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        foreach (var unit in units)
        {
            if (_units.TryGetValue(unit.Code, out var known))
            {
                if (known.Dimension != unit.Dimension || known.Factor != unit.Factor)
                {
                    throw new InvalidDataException($"Unit '{unit.Code}' is defined twice with different dimensions or factors.");
                }

                continue;
            }

            _units.Add(unit.Code, unit);
        }
    }

    public UcumUnit? Find(string? code) => code is not null && _units.TryGetValue(code, out var unit) ? unit : null;
}
