namespace FhirTrials.FhirPath;

public sealed partial class FhirPathDateTime
{
    private static readonly TimeSpan EarliestOffset = TimeSpan.FromHours(14);
    private static readonly TimeSpan LatestOffset = TimeSpan.FromHours(-12);

    /// <summary>The number of digits the value states, as <c>precision()</c> reports it (<c>@2014</c> → 4, <c>@T10:30</c> → 4).</summary>
    internal int PrecisionDigits => Kind == FhirPathDateTimeKind.Time
        ? Precision switch
        {
            DateTimePrecision.Hour => 2,
            DateTimePrecision.Minute => 4,
            DateTimePrecision.Second => 6,
            _ => 9,
        }
        : Precision switch
        {
            DateTimePrecision.Year => 4,
            DateTimePrecision.Month => 6,
            DateTimePrecision.Day => 8,
            DateTimePrecision.Hour => 10,
            DateTimePrecision.Minute => 12,
            DateTimePrecision.Second => 14,
            _ => 17,
        };

    /// <summary>
    /// The earliest (or latest) value the partial value may stand for, stated to <paramref name="digits"/>
    /// digits (default: the finest the type has); a missing offset becomes +14:00 (or -12:00). Null for
    /// a digit count the type does not have.
    /// </summary>
    internal FhirPathDateTime? Boundary(int? digits, bool high)
    {
        var target = TargetPrecision(digits ?? (Kind switch { FhirPathDateTimeKind.Date => 8, FhirPathDateTimeKind.Time => 9, _ => 17 }));
        if (target is not { } precision)
        {
            return null;
        }

        var month = Fill(DateTimePrecision.Month, Month, high ? 12 : 1, precision);
        var day = Fill(DateTimePrecision.Day, Day, high ? DateTime.DaysInMonth(Math.Max(Year, 1), month) : 1, precision);
        var hour = Fill(DateTimePrecision.Hour, Hour, high ? 23 : 0, precision);
        var minute = Fill(DateTimePrecision.Minute, Minute, high ? 59 : 0, precision);
        var second = Fill(DateTimePrecision.Second, Second, high ? 59 : 0, precision);
        var ms = Fill(DateTimePrecision.Millisecond, Millisecond, high ? 999 : 0, precision);
        var kind = Kind == FhirPathDateTimeKind.DateTime && precision <= DateTimePrecision.Day ? FhirPathDateTimeKind.Date : Kind;
        TimeSpan? offset = null;
        if (kind == FhirPathDateTimeKind.DateTime && precision >= DateTimePrecision.Hour)
        {
            offset = Offset ?? (high ? LatestOffset : EarliestOffset);
        }

        return new FhirPathDateTime(kind, precision, Year, month, day, hour, minute, second, ms, offset, UtcDesignator);
    }

    private int Fill(DateTimePrecision level, int actual, int boundary, DateTimePrecision target)
    {
        if (level > target)
        {
            return level is DateTimePrecision.Month or DateTimePrecision.Day ? 1 : 0;
        }

        return level <= Precision ? actual : boundary;
    }

    private DateTimePrecision? TargetPrecision(int digits) => (Kind, digits) switch
    {
        (FhirPathDateTimeKind.Time, 2) => DateTimePrecision.Hour,
        (FhirPathDateTimeKind.Time, 4) => DateTimePrecision.Minute,
        (FhirPathDateTimeKind.Time, 6) => DateTimePrecision.Second,
        (FhirPathDateTimeKind.Time, 9) => DateTimePrecision.Millisecond,
        (FhirPathDateTimeKind.Time, _) => null,
        (_, 4) => DateTimePrecision.Year,
        (_, 6) => DateTimePrecision.Month,
        (_, 8) => DateTimePrecision.Day,
        (FhirPathDateTimeKind.Date, _) => null,
        (_, 10) => DateTimePrecision.Hour,
        (_, 12) => DateTimePrecision.Minute,
        (_, 14) => DateTimePrecision.Second,
        (_, 17) => DateTimePrecision.Millisecond,
        _ => null,
    };
}
