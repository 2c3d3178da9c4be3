using System.Globalization;
using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Units;

namespace FhirTrials.Eligibility.Matching.Time;

/// <summary>
/// Checks a criterion-time-window against when something happened, at the evaluation date. Partial dates
/// count both ways: the answer is null when the possible instants fall on both sides.
/// </summary>
internal static class TimeWindowCheck
{
    /// <summary>
    /// Whether <paramref name="time"/> satisfies the window at the evaluation date. For <c>within</c>,
    /// <paramref name="onsetOnly"/> asks that the event began in the window (a condition's onset); otherwise
    /// any overlap counts (a therapy taken in the window).
    /// </summary>
    public static (bool? Holds, string Explanation) Check(TimeWindowSpec window, EventTime time, DateOnly evaluationDate, UnitCatalog units, bool onsetOnly)
    {
        var evaluation = DateSpan.Day(evaluationDate);
        var cutoff = Subtract(evaluation.Lo, window.Value, window.Unit, units);
        if (cutoff is not { } from)
        {
            return (null, $"cannot compute the window '{window.Describe()}' (unit {window.Unit})");
        }

        var since = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        bool? holds = window.Relation switch
        {
            WindowRelation.Within when onsetOnly => Decide(time.Start.Lo >= from && time.Start.Hi <= evaluation.Hi, time.Start.Hi < from || time.Start.Lo > evaluation.Hi),
            WindowRelation.Within => Decide(time.End.Lo >= from && time.Start.Hi <= evaluation.Hi, time.End.Hi < from || time.Start.Lo > evaluation.Hi),
            WindowRelation.Before => Decide(time.End.Hi < from.AddDays(1), time.End.Lo >= from.AddDays(1)),
            WindowRelation.AtLeast => Decide(Lasted(time.Start.Hi, time.End.Lo, window, units, atLeast: true), !time.Start.HasUnknownStart && !Lasted(time.Start.Lo, time.End.Hi, window, units, atLeast: true)),
            WindowRelation.AtMost => Decide(!time.Start.HasUnknownStart && Lasted(time.Start.Lo, time.End.Hi, window, units, atLeast: false), !Lasted(time.Start.Hi, time.End.Lo, window, units, atLeast: false)),
            _ => null,
        };
        var rule = window.Relation switch
        {
            WindowRelation.Within => $"in the window since {since}",
            WindowRelation.Before => $"on or before {since}",
            WindowRelation.AtLeast => $"lasting at least {Numbers.Format(window.Value)} {window.Unit}",
            _ => $"lasting at most {Numbers.Format(window.Value)} {window.Unit}",
        };
        var verdict = holds switch
        {
            true => "is " + rule,
            false => "is not " + rule,
            null => "may or may not be " + rule,
        };
        return (holds, $"{time.Written} {verdict} ('{window.Describe()}', evaluated at {evaluationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})");
    }

    /// <summary><paramref name="at"/> minus the duration: calendar years and months when whole, else seconds (units.json time factors).</summary>
    public static DateTimeOffset? Subtract(DateTimeOffset at, decimal value, string unit, UnitCatalog units) => Add(at, -value, unit, units);

    private static DateTimeOffset? Add(DateTimeOffset at, decimal value, string unit, UnitCatalog units)
    {
        try
        {
            var whole = value == decimal.Truncate(value);
            return unit switch
            {
                "a" when whole => at.AddYears((int)value),
                "mo" when whole => at.AddMonths((int)value),
                _ when units.Find(unit) is { Dimension: "time" } time => at.AddSeconds((double)(value * time.Factor)),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Whether the time from <paramref name="start"/> to <paramref name="end"/> is at least (at most) the window's duration.</summary>
    private static bool Lasted(DateTimeOffset start, DateTimeOffset end, TimeWindowSpec window, UnitCatalog units, bool atLeast)
    {
        if (start == DateTimeOffset.MinValue)
        {
            return false;
        }

        var reached = Add(start, window.Value, window.Unit, units);
        return reached is { } r && (atLeast ? r <= end : r >= end);
    }

    private static bool? Decide(bool holds, bool fails) => holds ? true : fails ? false : null;
}
