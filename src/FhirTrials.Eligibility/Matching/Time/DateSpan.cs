using System.Globalization;

namespace FhirTrials.Eligibility.Matching.Time;

/// <summary>
/// The instants a FHIR date or dateTime may stand for: <c>2019</c> is any instant of 2019, a full
/// dateTime one instant. Dates without a zone are read as UTC days.
/// </summary>
internal readonly record struct DateSpan(DateTimeOffset Lo, DateTimeOffset Hi)
{
    /// <summary>A span whose start is unknown but no later than <paramref name="latest"/>.</summary>
    public static DateSpan NoLaterThan(DateTimeOffset latest) => new(DateTimeOffset.MinValue, latest);

    public static DateSpan Day(DateOnly day)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new DateSpan(start, start.AddDays(1).AddTicks(-1));
    }

    public bool HasUnknownStart => Lo == DateTimeOffset.MinValue;

    /// <summary>Reads a FHIR date, dateTime or instant; false when it is not one.</summary>
    public static bool TryParse(string? lexical, out DateSpan span)
    {
        span = default;
        if (string.IsNullOrEmpty(lexical) || lexical.Length < 4 || !int.TryParse(lexical.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1)
        {
            return false;
        }

        if (lexical.Length == 4)
        {
            span = Between(new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc), d => d.AddYears(1));
            return true;
        }

        if (lexical.Length == 7 && lexical[4] == '-' && int.TryParse(lexical.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            span = Between(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc), d => d.AddMonths(1));
            return true;
        }

        if (lexical.Length == 10 && DateOnly.TryParseExact(lexical, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            span = Day(day);
            return true;
        }

        if (DateTimeOffset.TryParse(lexical, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            span = new DateSpan(instant, instant);
            return true;
        }

        return false;
    }

    private static DateSpan Between(DateTime start, Func<DateTime, DateTime> next)
    {
        var lo = new DateTimeOffset(start, TimeSpan.Zero);
        return new DateSpan(lo, new DateTimeOffset(next(start), TimeSpan.Zero).AddTicks(-1));
    }
}
