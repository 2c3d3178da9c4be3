using FhirTrials.FhirPath.Values;

namespace FhirTrials.FhirPath.Ucum;

/// <summary>
/// Comparison, conversion and arithmetic of quantities. UCUM units convert through their canonical
/// form; calendar <c>year</c>/<c>month</c> only convert into each other (they are not UCUM's
/// <c>a</c>/<c>mo</c>), while <c>week</c> and finer equal UCUM's <c>wk</c>, <c>d</c>, <c>h</c>…
/// </summary>
internal static class QuantityMath
{
    /// <summary>Orders two quantities; null when their units are not comparable.</summary>
    public static int? Compare(FhirPathQuantity a, FhirPathQuantity b)
    {
        if (SameUnit(a, b))
        {
            return a.Value.CompareTo(b.Value);
        }

        if (!TryNormalize(a, out var va, out var ua, out var ma) || !TryNormalize(b, out var vb, out var ub, out var mb) || ma != mb)
        {
            return null;
        }

        if (!ma && !ua!.IsCommensurableWith(ub!))
        {
            return null;
        }

        return va.CompareTo(vb);
    }

    /// <summary>Equivalence (<c>~</c>): both converted to canonical units, equal at the precision of the less precise.</summary>
    public static bool Equivalent(FhirPathQuantity a, FhirPathQuantity b)
    {
        if (SameUnit(a, b))
        {
            return DecimalMath.Equivalent(a.Value, b.Value);
        }

        if (!TryNormalize(a, out var va, out var ua, out var ma) || !TryNormalize(b, out var vb, out var ub, out var mb) || ma != mb)
        {
            return false;
        }

        return (ma || ua!.IsCommensurableWith(ub!)) && DecimalMath.Equivalent(va, vb);
    }

    /// <summary>True when the units convert into each other (<c>comparable()</c>).</summary>
    public static bool Comparable(FhirPathQuantity a, FhirPathQuantity b) =>
        SameUnit(a, b) || Compare(a.WithValue(0), b.WithValue(0)) is not null;

    /// <summary><paramref name="a"/> plus (or minus) <paramref name="b"/>, in the unit of <paramref name="a"/>; null when incompatible.</summary>
    public static FhirPathQuantity? Add(FhirPathQuantity a, FhirPathQuantity b, bool subtract)
    {
        var converted = ConvertTo(b, a);
        if (converted is not { } value)
        {
            return null;
        }

        return a.WithValue(subtract ? a.Value - value : a.Value + value);
    }

    /// <summary>The product (or quotient) in canonical units; null for calendar durations or unknown units.</summary>
    public static FhirPathQuantity? Multiply(FhirPathQuantity a, FhirPathQuantity b, bool divide)
    {
        if (divide && b.Value == 0)
        {
            return null;
        }

        if (b.Unit == "1" && !b.UnitIsKeyword)
        {
            return a.WithValue(divide ? a.Value / b.Value : a.Value * b.Value);
        }

        if (a.Unit == "1" && !a.UnitIsKeyword && !divide)
        {
            return b.WithValue(a.Value * b.Value);
        }

        if (!TryNormalize(a, out var va, out var ua, out var ma) || !TryNormalize(b, out var vb, out var ub, out var mb) || ma || mb)
        {
            return null;
        }

        var unit = ua!.Multiply(ub!, divide ? -1 : 1);
        return new FhirPathQuantity(divide ? va / vb : va * vb, unit.CanonicalCode());
    }

    /// <summary>The value of <paramref name="q"/> expressed in the unit of <paramref name="target"/>; null when incompatible.</summary>
    public static decimal? ConvertTo(FhirPathQuantity q, FhirPathQuantity target)
    {
        if (SameUnit(q, target))
        {
            return q.Value;
        }

        if (!TryNormalize(q, out var value, out var unit, out var months)
            || !TryNormalize(target.WithValue(1), out var factor, out var targetUnit, out var targetMonths)
            || months != targetMonths || (!months && !unit!.IsCommensurableWith(targetUnit!)))
        {
            return null;
        }

        return value / factor;
    }

    /// <summary>Converts to a UCUM unit given as a string (for <c>toQuantity(unit)</c>).</summary>
    public static FhirPathQuantity? ConvertTo(FhirPathQuantity q, string unit)
    {
        var target = new FhirPathQuantity(1, unit, unitIsKeyword: CalendarUnits.FromKeyword(unit) is not null);
        return ConvertTo(q, target) is { } value ? target.WithValue(value) : null;
    }

    private static bool SameUnit(FhirPathQuantity a, FhirPathQuantity b) =>
        string.Equals(a.Unit, b.Unit, StringComparison.Ordinal) || (a.CalendarUnit is { } ca && ca == b.CalendarUnit);

    /// <summary>
    /// The value in canonical units: calendar years and months become months (<paramref name="calendarMonths"/>),
    /// everything else goes through UCUM.
    /// </summary>
    private static bool TryNormalize(FhirPathQuantity q, out decimal value, out UcumUnit? unit, out bool calendarMonths)
    {
        value = 0;
        unit = null;
        calendarMonths = false;
        string code = q.Unit;
        if (q.CalendarUnit is { } calendar)
        {
            if (calendar is CalendarUnit.Year or CalendarUnit.Month)
            {
                calendarMonths = true;
                value = calendar == CalendarUnit.Year ? q.Value * 12 : q.Value;
                return true;
            }

            code = CalendarUnits.DefiniteUcum(calendar)!;
        }

        unit = UcumUnits.Resolve(code);
        if (unit is null)
        {
            return false;
        }

        try
        {
            value = q.Value * unit.Factor;
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
