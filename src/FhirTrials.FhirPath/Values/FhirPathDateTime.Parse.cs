namespace FhirTrials.FhirPath;

public sealed partial class FhirPathDateTime
{
    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public static FhirPathDateTime? ParseDate(ReadOnlySpan<char> text)
    {
        var pos = 0;
        if (!TryDatePart(text, ref pos, out var y, out var m, out var d, out var precision) || pos != text.Length)
        {
            return null;
        }

        return new FhirPathDateTime(FhirPathDateTimeKind.Date, precision, y, m, d, 0, 0, 0, 0, null);
    }

    /// <summary>
    /// Parses a date with an optional time and offset: <c>2015</c>, <c>2015-02-04T14</c>,
    /// <c>2015-02-04T14:34:28.123+10:00</c>; a trailing <c>T</c> (<c>2015T</c>) is allowed as in FHIRPath literals.
    /// </summary>
    public static FhirPathDateTime? ParseDateTime(ReadOnlySpan<char> text)
    {
        var pos = 0;
        if (!TryDatePart(text, ref pos, out var y, out var m, out var d, out var precision))
        {
            return null;
        }

        if (pos == text.Length)
        {
            return new FhirPathDateTime(FhirPathDateTimeKind.DateTime, precision, y, m, d, 0, 0, 0, 0, null);
        }

        if (text[pos] != 'T')
        {
            return null;
        }

        pos++;
        if (pos == text.Length)
        {
            return new FhirPathDateTime(FhirPathDateTimeKind.DateTime, precision, y, m, d, 0, 0, 0, 0, null);
        }

        if (precision != DateTimePrecision.Day || !TryTimePart(text, ref pos, out var time))
        {
            return null;
        }

        TimeSpan? offset = null;
        var z = false;
        if (pos < text.Length)
        {
            if (!TryOffset(text[pos..], out var parsed, out z))
            {
                return null;
            }

            offset = parsed;
        }

        return new FhirPathDateTime(FhirPathDateTimeKind.DateTime, time.Precision, y, m, d, time.Hour, time.Minute, time.Second, time.Millisecond, offset, z);
    }

    /// <summary>Parses a time of day: <c>14</c>, <c>14:34</c>, <c>14:34:28</c>, <c>14:34:28.123</c>.</summary>
    public static FhirPathDateTime? ParseTime(ReadOnlySpan<char> text)
    {
        var pos = 0;
        if (!TryTimePart(text, ref pos, out var time) || pos != text.Length)
        {
            return null;
        }

        return new FhirPathDateTime(FhirPathDateTimeKind.Time, time.Precision, 0, 1, 1, time.Hour, time.Minute, time.Second, time.Millisecond, null);
    }

    private static bool TryDatePart(ReadOnlySpan<char> s, ref int pos, out int year, out int month, out int day, out DateTimePrecision precision)
    {
        month = 1;
        day = 1;
        precision = DateTimePrecision.Year;
        if (!TryDigits(s, pos, 4, out year) || year < 1)
        {
            return false;
        }

        pos += 4;
        if (pos + 2 < s.Length && s[pos] == '-' && char.IsAsciiDigit(s[pos + 1]))
        {
            if (!TryDigits(s, pos + 1, 2, out month) || month is < 1 or > 12)
            {
                return false;
            }

            pos += 3;
            precision = DateTimePrecision.Month;
            if (pos + 2 < s.Length && s[pos] == '-' && char.IsAsciiDigit(s[pos + 1]))
            {
                if (!TryDigits(s, pos + 1, 2, out day) || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }

                pos += 3;
                precision = DateTimePrecision.Day;
            }
        }

        return true;
    }

    private static bool TryTimePart(ReadOnlySpan<char> s, ref int pos, out TimeParts time)
    {
        time = default;
        if (!TryDigits(s, pos, 2, out var hour) || hour > 23)
        {
            return false;
        }

        pos += 2;
        time = new TimeParts(DateTimePrecision.Hour, hour, 0, 0, 0);
        if (pos >= s.Length || s[pos] != ':')
        {
            return true;
        }

        if (!TryDigits(s, pos + 1, 2, out var minute) || minute > 59)
        {
            return false;
        }

        pos += 3;
        time = time with { Precision = DateTimePrecision.Minute, Minute = minute };
        if (pos >= s.Length || s[pos] != ':')
        {
            return true;
        }

        if (!TryDigits(s, pos + 1, 2, out var second) || second > 59)
        {
            return false;
        }

        pos += 3;
        time = time with { Precision = DateTimePrecision.Second, Second = second };
        if (pos >= s.Length || s[pos] != '.')
        {
            return true;
        }

        var start = ++pos;
        var ms = 0;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            if (pos - start < 3)
            {
                ms = (ms * 10) + (s[pos] - '0');
            }

            pos++;
        }

        if (pos == start)
        {
            return false;
        }

        for (var digits = pos - start; digits < 3; digits++)
        {
            ms *= 10;
        }

        time = time with { Precision = DateTimePrecision.Millisecond, Millisecond = ms };
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out TimeSpan offset, out bool z)
    {
        offset = TimeSpan.Zero;
        z = false;
        if (s is "Z")
        {
            z = true;
            return true;
        }

        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':'
            || !TryDigits(s, 1, 2, out var hours) || !TryDigits(s, 4, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private readonly record struct TimeParts(DateTimePrecision Precision, int Hour, int Minute, int Second, int Millisecond);
}
