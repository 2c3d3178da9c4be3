namespace FhirTrials.Eligibility.Model;

/// <summary>How a time window relates the qualified event to the present (enrolment, screening, first dose).</summary>
public enum TimeWindowDirection
{
    /// <summary>The event happened within the window ("within 4 weeks", "in the past 6 months").</summary>
    Within,

    /// <summary>The event happened at least this long ago ("at least 1 year following repair").</summary>
    MoreThanAgo,

    /// <summary>The state or therapy has lasted at least this long ("for more than 6 months").</summary>
    DurationAtLeast,

    /// <summary>The state or therapy has lasted at most this long ("no more than 6 months of therapy").</summary>
    DurationAtMost,
}

/// <summary>A time window with its UCUM unit (h, d, wk, mo, a) and the text it qualifies.</summary>
/// <param name="Value">Length of the window.</param>
/// <param name="Unit">UCUM time unit.</param>
/// <param name="Direction">How the window applies.</param>
/// <param name="Text">The window phrase as written.</param>
/// <param name="Subject">The text the window qualifies (therapy, event or condition).</param>
public sealed record TimeWindow(decimal Value, string Unit, TimeWindowDirection Direction, string Text, string Subject);
