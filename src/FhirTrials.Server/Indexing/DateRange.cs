using System.Globalization;
using System.Text.RegularExpressions;

namespace FhirTrials.Server.Indexing;

/// <summary>
/// The implicit range of a FHIR date, dateTime or instant (search page: a date "2013-01" means the
/// whole of January 2013), as inclusive milliseconds since 1970 UTC. A time without an offset is read
/// as UTC; so is a date without a time.
/// </summary>
public static partial class DateRange
{
    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c>, <c>YYYY-MM-DDThh:mm[:ss[.fff]][Z|±hh:mm]</c>.</summary>
    public static bool TryParse(string? text, out long low, out long high)
    {
        try
        {
            return TryParseCore(text, out low, out high);
        }
        catch (ArgumentOutOfRangeException)
        {
            // Beyond the calendar (year 9999 plus a year, an offset before year 1).
            low = high = 0;
            return false;
        }
    }

    private static bool TryParseCore(string? text, out long low, out long high)
    {
        low = high = 0;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = Int(match, "y");
        var month = match.Groups["m"].Success ? Int(match, "m") : 1;
        var day = match.Groups["d"].Success ? Int(match, "d") : 1;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        if (!match.Groups["h"].Success)
        {
            var start = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
            var end = !match.Groups["m"].Success ? start.AddYears(1) : !match.Groups["d"].Success ? start.AddMonths(1) : start.AddDays(1);
            return Set(start, end, out low, out high);
        }

        var hour = Int(match, "h");
        var minute = Int(match, "mi");
        var second = match.Groups["s"].Success ? Int(match, "s") : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        TimeSpan offset;
        if (!match.Groups["z"].Success || match.Groups["z"].Value == "Z")
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var z = match.Groups["z"].Value;
            var oh = int.Parse(z.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var om = int.Parse(z.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (oh > 14 || om > 59)
            {
                return false;
            }

            offset = new TimeSpan(oh, om, 0) * (z[0] == '-' ? -1 : 1);
        }

        var at = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        if (match.Groups["f"].Success)
        {
            var fraction = match.Groups["f"].Value;
            var millis = int.Parse(fraction.PadRight(3, '0').AsSpan(0, 3), CultureInfo.InvariantCulture);
            var lowAt = at.AddMilliseconds(millis);
            var step = fraction.Length switch { 1 => 100, 2 => 10, _ => 1 };
            return Set(lowAt, lowAt.AddMilliseconds(step), out low, out high);
        }

        return Set(at, match.Groups["s"].Success ? at.AddSeconds(1) : at.AddMinutes(1), out low, out high);
    }

    /// <summary>The instant as milliseconds since 1970 UTC.</summary>
    public static long ToMillis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>Milliseconds since 1970 as an instant.</summary>
    public static DateTimeOffset FromMillis(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);

    private static bool Set(DateTimeOffset start, DateTimeOffset endExclusive, out long low, out long high)
    {
        low = start.ToUnixTimeMilliseconds();
        high = endExclusive.ToUnixTimeMilliseconds() - 1;
        return true;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})(-(?<m>[0-9]{2})(-(?<d>[0-9]{2})(T(?<h>[0-9]{2}):(?<mi>[0-9]{2})(:(?<s>[0-9]{2})(\.(?<f>[0-9]{1,9}))?)?(?<z>Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
