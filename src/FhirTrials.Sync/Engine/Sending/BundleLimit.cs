using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>
/// The entries one transaction may hold: the configured chunk size, lowered to what the server states
/// (CapabilityStatement) or enforces (a 413, or a 400 saying the bundle has too many entries, as
/// Microsoft's FHIR server does at 500 and FHIR Works on AWS at 25). Thread-safe.
/// </summary>
public sealed partial class BundleLimit
{
    private int _current;

    public BundleLimit(int configured) => _current = configured;

    public int Current => Volatile.Read(ref _current);

    /// <summary>Lowers the limit to <paramref name="limit"/>; true when it went down.</summary>
    public bool Lower(int limit)
    {
        while (true)
        {
            var current = Current;
            if (limit >= current || limit < 1)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _current, limit, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="error"/> refuses a bundle of <paramref name="sent"/> entries for its size;
    /// <paramref name="limit"/> is the largest number below <paramref name="sent"/> the server names, or half.
    /// </summary>
    public static bool IsTooLarge(FhirClientException error, int sent, out int limit)
    {
        ArgumentNullException.ThrowIfNull(error);
        limit = 0;
        var text = error.Outcome is { } outcome ? OperationOutcomes.Summary(outcome) : error.Message;
        var tooLarge = error.Status == HttpStatusCode.RequestEntityTooLarge
            || (error.Status == HttpStatusCode.BadRequest && TooManyEntries().IsMatch(text));
        if (!tooLarge || sent <= 1)
        {
            return false;
        }

        var named = Numbers().Matches(text)
            .Select(m => int.TryParse(m.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .Where(n => n >= 1 && n < sent)
            .DefaultIfEmpty(0)
            .Max();
        limit = named > 0 ? named : Math.Max(1, sent / 2);
        return true;
    }

    [GeneratedRegex(@"entr(y|ies)[^.;]*(exceed|limit|maximum|max\b|at most|too many|more than)|(exceed|limit|maximum|too many|more than)[^.;]*entr(y|ies)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TooManyEntries();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();
}
