namespace FhirTrials.FhirPath;

public sealed partial class FhirPathDateTime
{
    /// <summary>
    /// Adds a calendar duration (negative to subtract). The amount is truncated to whole units; a unit
    /// finer than the value's precision is first converted to that precision (<c>@2019 + 25 months</c>
    /// adds two years). Null when the result leaves the supported range or the unit does not apply
    /// (years on a time).
    /// </summary>
    internal FhirPathDateTime? Add(decimal amount, CalendarUnit unit)
    {
        if (Kind == FhirPathDateTimeKind.Time && unit is CalendarUnit.Year or CalendarUnit.Month)
        {
            return null;
        }

        var (count, target) = Normalize(decimal.Truncate(amount), unit);
        try
        {
            var start = new DateTime(Kind == FhirPathDateTimeKind.Time ? 2000 : Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
            var result = target switch
            {
                CalendarUnit.Year => start.AddYears(checked((int)count)),
                CalendarUnit.Month => start.AddMonths(checked((int)count)),
                CalendarUnit.Week => start.AddDays(count * 7d),
                CalendarUnit.Day => start.AddDays(count),
                CalendarUnit.Hour => start.AddHours(count),
                CalendarUnit.Minute => start.AddMinutes(count),
                CalendarUnit.Second => start.AddSeconds(count),
                _ => start.AddMilliseconds(count),
            };
            return new FhirPathDateTime(Kind, Precision, result.Year, result.Month, result.Day, result.Hour, result.Minute, result.Second, result.Millisecond, Offset, UtcDesignator);
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private (long Count, CalendarUnit Unit) Normalize(decimal amount, CalendarUnit unit)
    {
        var precisionUnit = Precision switch
        {
            DateTimePrecision.Year => CalendarUnit.Year,
            DateTimePrecision.Month => CalendarUnit.Month,
            DateTimePrecision.Day => CalendarUnit.Day,
            DateTimePrecision.Hour => CalendarUnit.Hour,
            DateTimePrecision.Minute => CalendarUnit.Minute,
            DateTimePrecision.Second => CalendarUnit.Second,
            _ => CalendarUnit.Millisecond,
        };
        if (unit <= precisionUnit || (unit == CalendarUnit.Week && precisionUnit >= CalendarUnit.Day))
        {
            return ((long)amount, unit);
        }

        if (precisionUnit == CalendarUnit.Year && unit == CalendarUnit.Month)
        {
            return ((long)decimal.Truncate(amount / 12), CalendarUnit.Year);
        }

        var seconds = amount * CalendarUnits.Seconds(unit);
        return precisionUnit switch
        {
            CalendarUnit.Year => ((long)decimal.Truncate(seconds / (365m * 86400m)), CalendarUnit.Year),
            CalendarUnit.Month => ((long)decimal.Truncate(seconds / (30m * 86400m)), CalendarUnit.Month),
            _ => ((long)decimal.Truncate(seconds / CalendarUnits.Seconds(precisionUnit)), precisionUnit),
        };
    }
}
