using System.Globalization;
using System.Text;

namespace FhirTrials.FhirPath;

/// <summary>Which of the three FHIRPath temporal types a <see cref="FhirPathDateTime"/> is.</summary>
public enum FhirPathDateTimeKind : byte
{
    Date,
    DateTime,
    Time,
}

/// <summary>The finest component a partial date or time states (seconds and milliseconds compare as one).</summary>
public enum DateTimePrecision : byte
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    Millisecond,
}

/// <summary>
/// A FHIRPath Date, DateTime or Time with partial precision (<c>@2015</c>, <c>@2015-02-04T14:34</c>,
/// <c>@T10:30</c>) and an optional UTC offset. Immutable.
/// </summary>
public sealed partial class FhirPathDateTime
{
    internal FhirPathDateTime(FhirPathDateTimeKind kind, DateTimePrecision precision, int year, int month, int day, int hour, int minute, int second, int millisecond, TimeSpan? offset, bool utcDesignator = false)
    {
        Kind = kind;
        Precision = precision;
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
        Millisecond = millisecond;
        Offset = offset;
        UtcDesignator = utcDesignator && offset == TimeSpan.Zero;
    }

    public FhirPathDateTimeKind Kind { get; }

    public DateTimePrecision Precision { get; }

    public int Year { get; }

    /// <summary>1 to 12 (1 when the precision is coarser than month).</summary>
    public int Month { get; }

    public int Day { get; }

    public int Hour { get; }

    public int Minute { get; }

    public int Second { get; }

    public int Millisecond { get; }

    /// <summary>The UTC offset, when the value states one.</summary>
    public TimeSpan? Offset { get; }

    /// <summary>True when the offset was written as <c>Z</c>.</summary>
    public bool UtcDesignator { get; }

    /// <summary>True when the value has a time-of-day component (hour or finer).</summary>
    public bool HasTime => Precision >= DateTimePrecision.Hour;

    /// <summary>The lexical form, as FHIR writes it (without FHIRPath's <c>@</c>).</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(32);
        if (Kind != FhirPathDateTimeKind.Time)
        {
            sb.Append(Year.ToString("D4", CultureInfo.InvariantCulture));
            if (Precision >= DateTimePrecision.Month)
            {
                sb.Append('-').Append(Month.ToString("D2", CultureInfo.InvariantCulture));
            }

            if (Precision >= DateTimePrecision.Day)
            {
                sb.Append('-').Append(Day.ToString("D2", CultureInfo.InvariantCulture));
            }

            if (Kind == FhirPathDateTimeKind.Date)
            {
                return sb.ToString();
            }

            sb.Append('T');
            if (!HasTime)
            {
                return sb.ToString();
            }
        }

        AppendTime(sb);
        if (Kind == FhirPathDateTimeKind.DateTime && Offset is { } offset)
        {
            AppendOffset(sb, offset);
        }

        return sb.ToString();
    }

    /// <summary>The FHIRPath literal: <c>@</c> plus the lexical form (<c>@T</c> for times).</summary>
    public string ToLiteral() => Kind == FhirPathDateTimeKind.Time ? "@T" + ToString() : "@" + ToString();

    private void AppendTime(StringBuilder sb)
    {
        sb.Append(Hour.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Minute)
        {
            sb.Append(':').Append(Minute.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= DateTimePrecision.Second)
        {
            sb.Append(':').Append(Second.ToString("D2", CultureInfo.InvariantCulture));
        }

        if (Precision >= DateTimePrecision.Millisecond)
        {
            sb.Append('.').Append(Millisecond.ToString("D3", CultureInfo.InvariantCulture));
        }
    }

    private void AppendOffset(StringBuilder sb, TimeSpan offset)
    {
        if (UtcDesignator)
        {
            sb.Append('Z');
            return;
        }

        sb.Append(offset < TimeSpan.Zero ? '-' : '+');
        var abs = offset.Duration();
        sb.Append(abs.Hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(abs.Minutes.ToString("D2", CultureInfo.InvariantCulture));
    }
}
