namespace FhirTrials.FhirPath;

/// <summary>
/// A FHIRPath System.Quantity: a decimal value with a UCUM unit (<c>4.5 'mg'</c>) or a calendar
/// duration keyword (<c>3 months</c>). Immutable.
/// </summary>
public sealed class FhirPathQuantity
{
    /// <summary>The UCUM code system URL.</summary>
    public const string UcumSystem = "http://unitsofmeasure.org";

    /// <summary>Creates a quantity with a UCUM unit (default <c>1</c>).</summary>
    public FhirPathQuantity(decimal value, string unit = "1")
        : this(value, unit, unitIsKeyword: false)
    {
    }

    internal FhirPathQuantity(decimal value, string unit, bool unitIsKeyword)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Value = value;
        Unit = unit;
        UnitIsKeyword = unitIsKeyword && CalendarUnits.FromKeyword(unit) is not null;
    }

    public decimal Value { get; }

    /// <summary>The UCUM code, or the calendar keyword (<c>week</c>, <c>days</c>…).</summary>
    public string Unit { get; }

    /// <summary>True when the unit was written as a calendar keyword (<c>1 week</c>) rather than a quoted UCUM code (<c>1 'wk'</c>).</summary>
    public bool UnitIsKeyword { get; }

    /// <summary>The calendar duration the unit names, quoted or not (<c>'month'</c> counts as a month in date arithmetic).</summary>
    internal CalendarUnit? CalendarUnit => CalendarUnits.FromKeyword(Unit);

    internal FhirPathQuantity WithValue(decimal value) => new(value, Unit, UnitIsKeyword);

    /// <summary>As FHIRPath writes it: <c>4.5 'mg'</c>, <c>1 week</c>.</summary>
    public override string ToString()
    {
        var value = Values.DecimalMath.Format(Value);
        return UnitIsKeyword ? $"{value} {Unit}" : $"{value} '{Unit}'";
    }
}
