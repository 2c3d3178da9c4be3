using FhirTrials.Fhir.Model;

namespace FhirTrials.Eligibility.Matching.Time;

/// <summary>When something started and ended (an event has start = end; an ongoing state ends on the evaluation date).</summary>
internal sealed record EventTime(DateSpan Start, DateSpan End, string Written)
{
    /// <summary>The time of a dateTime or Period element (<paramref name="ongoingUntil"/> ends an open Period); null when absent or unreadable.</summary>
    public static EventTime? From(DataType? value, DateSpan? ongoingUntil)
    {
        switch (value)
        {
            case FhirDateTime dateTime when DateSpan.TryParse(dateTime.Value, out var at):
                return new EventTime(at, at, dateTime.Value!);
            case Instant instant when DateSpan.TryParse(instant.Value, out var at):
                return new EventTime(at, at, instant.Value!);
            case Period period when DateSpan.TryParse(period.Start, out var start):
                if (DateSpan.TryParse(period.End, out var end))
                {
                    return new EventTime(start, end, $"{period.Start} to {period.End}");
                }

                return ongoingUntil is { } until ? new EventTime(start, until, $"{period.Start} to now") : new EventTime(start, start, $"from {period.Start}");
            default:
                return null;
        }
    }
}
