namespace FhirTrials.Fhir.Primitives;

/// <summary>
/// The R4 lexical forms of date, dateTime, instant and time: partial dates (<c>2019</c>,
/// <c>2019-03</c>), times with seconds and a zone, and only dates the calendar has.
/// </summary>
internal static class DateTimeFormat
{
    private const string DateForm = "expected YYYY, YYYY-MM or YYYY-MM-DD";

    public static string? CheckDate(ReadOnlySpan<char> span)
    {
        return CheckDatePart(span, out var used) ?? (used == span.Length ? null : DateForm);
    }

    public static string? CheckDateTime(ReadOnlySpan<char> span)
    {
        if (CheckDatePart(span, out var used) is { } problem)
        {
            return problem;
        }

        if (used == span.Length)
        {
            return null;
        }

        if (used != 10 || span[used] != 'T')
        {
            return "expected a date, or a date with a time: YYYY-MM-DDThh:mm:ss+zz:zz";
        }

        return CheckTimeWithZone(span[(used + 1)..], zoneRequired: true);
    }

    public static string? CheckInstant(ReadOnlySpan<char> span)
    {
        if (CheckDatePart(span, out var used) is { } problem)
        {
            return problem;
        }

        if (used != 10 || used == span.Length || span[used] != 'T')
        {
            return "an instant is a full date and time with a time zone: YYYY-MM-DDThh:mm:ss.sss+zz:zz";
        }

        return CheckTimeWithZone(span[(used + 1)..], zoneRequired: true);
    }

    public static string? CheckTime(ReadOnlySpan<char> span)
    {
        var problem = CheckClock(span, out var used);
        return problem ?? (used == span.Length ? null : "expected hh:mm:ss with an optional fraction and no time zone");
    }

    private static string? CheckDatePart(ReadOnlySpan<char> span, out int used)
    {
        used = 0;
        if (!TryDigits(span, 0, 4, out var year))
        {
            return DateForm;
        }

        if (year == 0)
        {
            return "the year must be between 0001 and 9999";
        }

        used = 4;
        if (span.Length == 4 || span[4] != '-')
        {
            return null;
        }

        if (!TryDigits(span, 5, 2, out var month) || month is < 1 or > 12)
        {
            return $"the month must be 01 to 12 ({DateForm})";
        }

        used = 7;
        if (span.Length == 7 || span[7] != '-')
        {
            return null;
        }

        if (!TryDigits(span, 8, 2, out var day) || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return $"{year:D4}-{month:D2} has no day {span.Slice(8, Math.Min(2, span.Length - 8)).ToString()}";
        }

        used = 10;
        return null;
    }

    private static string? CheckTimeWithZone(ReadOnlySpan<char> span, bool zoneRequired)
    {
        if (CheckClock(span, out var used) is { } problem)
        {
            return problem;
        }

        var zone = span[used..];
        if (zone.Length == 0)
        {
            return zoneRequired ? "a time of day needs a time zone (Z or +hh:mm)" : null;
        }

        if (zone is "Z")
        {
            return null;
        }

        if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
            && TryDigits(zone, 1, 2, out var hours) && TryDigits(zone, 4, 2, out var minutes)
            && ((hours <= 13 && minutes <= 59) || (hours == 14 && minutes == 0)))
        {
            return null;
        }

        return "the time zone must be Z or +hh:mm / -hh:mm between -14:00 and +14:00";
    }

    private static string? CheckClock(ReadOnlySpan<char> span, out int used)
    {
        used = 0;
        if (span.Length < 8 || span[2] != ':' || span[5] != ':'
            || !TryDigits(span, 0, 2, out var hour) || !TryDigits(span, 3, 2, out var minute) || !TryDigits(span, 6, 2, out var second))
        {
            return "expected a time as hh:mm:ss";
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return "the time must be between 00:00:00 and 23:59:60";
        }

        used = 8;
        if (span.Length > 8 && span[8] == '.')
        {
            var digits = 9;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 9)
            {
                return "a decimal point in the seconds needs digits after it";
            }

            used = digits;
        }

        return null;
    }

    private static bool TryDigits(ReadOnlySpan<char> span, int start, int count, out int value)
    {
        value = 0;
        if (start + count > span.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(span[i]))
            {
                return false;
            }

            value = (value * 10) + (span[i] - '0');
        }

        return true;
    }
}
