namespace FhirTrials.FhirPath;

/// <summary>The calendar durations FHIRPath knows as keywords (<c>year</c>, <c>months</c>, <c>days</c>…), finest last.</summary>
internal enum CalendarUnit : byte
{
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
}

/// <summary>Maps unit words and UCUM codes to calendar units.</summary>
internal static class CalendarUnits
{
    /// <summary>The calendar unit a keyword names (singular or plural, as in <c>4 days</c>), if any.</summary>
    public static CalendarUnit? FromKeyword(string unit) => unit switch
    {
        "year" or "years" => CalendarUnit.Year,
        "month" or "months" => CalendarUnit.Month,
        "week" or "weeks" => CalendarUnit.Week,
        "day" or "days" => CalendarUnit.Day,
        "hour" or "hours" => CalendarUnit.Hour,
        "minute" or "minutes" => CalendarUnit.Minute,
        "second" or "seconds" => CalendarUnit.Second,
        "millisecond" or "milliseconds" => CalendarUnit.Millisecond,
        _ => null,
    };

    /// <summary>
    /// The calendar unit a UCUM code can stand for in date arithmetic. <c>a</c> and <c>mo</c> are
    /// mean Julian durations in UCUM, not calendar ones, so they are not accepted.
    /// </summary>
    public static CalendarUnit? FromUcumForArithmetic(string unit) => unit switch
    {
        "wk" => CalendarUnit.Week,
        "d" => CalendarUnit.Day,
        "h" => CalendarUnit.Hour,
        "min" => CalendarUnit.Minute,
        "s" => CalendarUnit.Second,
        "ms" => CalendarUnit.Millisecond,
        _ => null,
    };

    /// <summary>The UCUM code with the same definite duration (week and finer), or null for year and month.</summary>
    public static string? DefiniteUcum(CalendarUnit unit) => unit switch
    {
        CalendarUnit.Week => "wk",
        CalendarUnit.Day => "d",
        CalendarUnit.Hour => "h",
        CalendarUnit.Minute => "min",
        CalendarUnit.Second => "s",
        CalendarUnit.Millisecond => "ms",
        _ => null,
    };

    /// <summary>Seconds in a week-or-finer unit.</summary>
    public static decimal Seconds(CalendarUnit unit) => unit switch
    {
        CalendarUnit.Week => 604800m,
        CalendarUnit.Day => 86400m,
        CalendarUnit.Hour => 3600m,
        CalendarUnit.Minute => 60m,
        CalendarUnit.Second => 1m,
        CalendarUnit.Millisecond => 0.001m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
