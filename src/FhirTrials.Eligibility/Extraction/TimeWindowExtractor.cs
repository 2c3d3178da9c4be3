using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>A time window found in the tokens, before it is attached to what it qualifies.</summary>
/// <param name="Value">Length of the window.</param>
/// <param name="Unit">UCUM time unit.</param>
/// <param name="Direction">How the window applies.</param>
/// <param name="Start">First token of the window phrase.</param>
/// <param name="End">Token after the window phrase (anchor included).</param>
/// <param name="SubjectStart">First token of an explicit subject ("of X", "since X", "after X"), or -1.</param>
/// <param name="SubjectEnd">Token after the explicit subject, or -1.</param>
internal readonly record struct FoundWindow(
    decimal Value, string Unit, TimeWindowDirection Direction, int Start, int End, int SubjectStart = -1, int SubjectEnd = -1)
{
    /// <summary>"within 12 months of diagnosis": the subject is the event after "of" unless text before names another.</summary>
    public bool OfEvent { get; init; }

    /// <summary>"or 28 days" after "within 14 days": shares the subject of the window before.</summary>
    public bool Continues { get; init; }

    public bool HasExplicitSubject => SubjectStart >= 0 && SubjectEnd > SubjectStart;
}

/// <summary>
/// Time windows: "within 4 weeks", "in the past 6 months", "within recent one month", "in two weeks",
/// "for more than 6 months", "4 weeks before administration", "(&lt; 3 months)", "&gt;2 weeks in duration",
/// "at least 1 year following repair", "no more than 6 months of therapy". Each window is attached to the
/// conditions, measurements or study participation it qualifies, or else becomes a therapy/event criterion named
/// by the text before it ("systemic therapy within one month" → therapy "systemic therapy", within 1 mo).
/// </summary>
internal static partial class TimeWindowExtractor
{
    public static void Extract(ItemContext ctx)
    {
        if (!ctx.HasTimeUnit)
        {
            return;
        }

        var t = ctx.T;
        var found = ctx.Windows;
        found.Clear();
        for (var i = 0; i < t.Count; i++)
        {
            if (ctx.Used[i] || !TryMatch(ctx, i, out var window))
            {
                continue;
            }

            found.Add(window);
            ctx.MarkUsed(window.Start, window.End);
            while (TryContinuation(ctx, found[^1], out var continued))
            {
                found.Add(continued);
                ctx.MarkUsed(continued.Start, continued.End);
            }

            i = found[^1].End - 1;
        }

        for (var w = 0; w < found.Count; w++)
        {
            Resolve(ctx, found, w);
        }
    }

    private static bool Accept(ItemContext ctx, FoundWindow window) =>
        !ctx.InZone(window.Start, window.Start + 1, ZoneFlags.Exception | ZoneFlags.Population | ZoneFlags.Family | ZoneFlags.Future)
        && window.Value > 0;

    private static bool TryMatch(ItemContext ctx, int i, out FoundWindow window)
    {
        window = default;
        var t = ctx.T;
        var matched = t.IsWord(i, "within") ? TryWithin(ctx, i, out window)
            : t.IsWord(i, "in") || t.IsWord(i, "during") || t.IsWord(i, "over") ? TryInThePast(ctx, i, out window)
            : t.IsWord(i, "for") ? TryFor(ctx, i, out window)
            : ctx.MentionAt(i) is { Category: TermCategory.Comparator } comparator
                ? TryCompared(ctx, i, comparator.End, comparator.Term.Comparator, out window)
                : TryBare(ctx, i, out window);
        return matched && Accept(ctx, window);
    }

    /// <summary>"or 28 days (for live vaccines) prior to vaccination" after "within 14 days (...)".</summary>
    private static bool TryContinuation(ItemContext ctx, FoundWindow previous, out FoundWindow continued)
    {
        continued = default;
        var t = ctx.T;
        var i = SkipParenthesis(t, previous.End);
        if (!(t.IsWord(i, "or") || t.IsWord(i, "and") || t.IsSymbol(i, ',')) || !TryDuration(ctx, i + 1, out var value, out var unit, out var end))
        {
            return false;
        }

        end = SkipParenthesis(t, end);
        var anchor = ReadAnchor(ctx, end);
        if (anchor.Kind is AnchorKind.After or AnchorKind.Relative)
        {
            return false;
        }

        continued = new FoundWindow(value, unit, previous.Direction, i + 1, anchor.End, previous.SubjectStart, previous.SubjectEnd)
        {
            OfEvent = previous.OfEvent,
            Continues = true,
        };
        return Accept(ctx, continued);
    }
}
