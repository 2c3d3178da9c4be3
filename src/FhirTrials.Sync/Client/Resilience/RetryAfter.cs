using System.Net.Http.Headers;

namespace FhirTrials.Sync.Client.Resilience;

/// <summary>The <c>Retry-After</c> header (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.</summary>
public static class RetryAfter
{
    /// <summary>How long to wait as of <paramref name="now"/>: null without a header, zero for a date already past.</summary>
    public static TimeSpan? Delay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>The delay asked for by <paramref name="response"/>, capped at <paramref name="max"/>.</summary>
    public static TimeSpan? Delay(HttpResponseMessage? response, DateTimeOffset now, TimeSpan max)
    {
        var delay = Delay(response?.Headers.RetryAfter, now);
        return delay is { } value && value > max ? max : delay;
    }
}
