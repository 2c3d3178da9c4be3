namespace FhirTrials.FhirPath;

/// <summary>The outcome of comparing two partial dates or times: <see cref="Unknown"/> when precision (or a missing offset) leaves it open.</summary>
internal enum TemporalOrder : sbyte
{
    Less = -1,
    Equal = 0,
    Greater = 1,
    Unknown = 2,
}

public sealed partial class FhirPathDateTime
{
    /// <summary>
    /// Compares two values of compatible kinds (Date with DateTime, or Time with Time) per FHIRPath:
    /// offsets are normalised when both values state one; components are compared from the year down
    /// to the coarser precision; equal prefixes at different precisions give <see cref="TemporalOrder.Unknown"/>.
    /// </summary>
    internal static TemporalOrder Compare(FhirPathDateTime a, FhirPathDateTime b)
    {
        if (a.HasTime && b.HasTime && a.Kind != FhirPathDateTimeKind.Time && b.Kind != FhirPathDateTimeKind.Time)
        {
            if (a.Offset.HasValue != b.Offset.HasValue)
            {
                return TemporalOrder.Unknown;
            }

            if (a.Offset != b.Offset)
            {
                a = a.ToUtc();
                b = b.ToUtc();
            }
        }

        var pa = Effective(a.Precision);
        var pb = Effective(b.Precision);
        var last = pa < pb ? pa : pb;
        var first = a.Kind == FhirPathDateTimeKind.Time ? DateTimePrecision.Hour : DateTimePrecision.Year;
        for (var level = first; level <= last; level++)
        {
            var ca = a.Component(level);
            var cb = b.Component(level);
            if (ca != cb)
            {
                return ca < cb ? TemporalOrder.Less : TemporalOrder.Greater;
            }
        }

        return pa == pb ? TemporalOrder.Equal : TemporalOrder.Unknown;
    }

    /// <summary>Equivalence (<c>~</c>): equal at the same precision; different precisions are simply not equivalent.</summary>
    internal static bool Equivalent(FhirPathDateTime a, FhirPathDateTime b) =>
        Effective(a.Precision) == Effective(b.Precision) && Compare(a, b) == TemporalOrder.Equal;

    /// <summary>Seconds and milliseconds are one precision for comparison (<c>@T10:30:00 = @T10:30:00.0</c>).</summary>
    private static DateTimePrecision Effective(DateTimePrecision p) => p == DateTimePrecision.Millisecond ? DateTimePrecision.Second : p;

    private int Component(DateTimePrecision level) => level switch
    {
        DateTimePrecision.Year => Year,
        DateTimePrecision.Month => Month,
        DateTimePrecision.Day => Day,
        DateTimePrecision.Hour => Hour,
        DateTimePrecision.Minute => Minute,
        _ => (Second * 1000) + (Precision == DateTimePrecision.Millisecond ? Millisecond : 0),
    };

    /// <summary>The same instant at UTC (only for values with a time and an offset).</summary>
    private FhirPathDateTime ToUtc()
    {
        if (Offset is not { } offset || offset == TimeSpan.Zero)
        {
            return this;
        }

        var local = new DateTime(Year, Month, Day, Hour, Minute, Second, Millisecond, DateTimeKind.Unspecified);
        var utc = local - offset;
        return new FhirPathDateTime(Kind, Precision, utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second, utc.Millisecond, TimeSpan.Zero, utcDesignator: true);
    }
}
