using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>What a window qualifies: the text before it (or after "of", "since", "after"), and the criteria in it.</summary>
internal static partial class TimeWindowExtractor
{
    private const int MaxFollowingSubjectTokens = 16;
    private const int MaxNegationLookBack = 6;

    private static readonly WordTable LeadingNoise = new(
    [
        "patients", "patient", "subjects", "subject", "participants", "participant", "children", "child", "women", "men",
        "individuals", "persons", "who", "that", "which", "have", "has", "had", "having", "been", "be", "is", "are", "was",
        "were", "received", "receive", "receives", "receiving", "receipt", "use", "used", "using", "uses", "taken", "take",
        "taking", "took", "undergone", "underwent", "undergo", "undergoing", "treated", "with", "any", "the", "a", "an",
        "prior", "previous", "previously", "current", "currently", "known", "history", "of", "or", "and", "in", "on", "by",
        "at", "least", "still", "also", "recent", "recently", "documented", "evidence", "participated", "participating",
        "including", "such", "as", "e", "g", "i", "ie", "eg", "major", "change", "changes", "meet", "meets", "for",
        "not", "no", "nor", "than", "more", "less", "either", "both", "presence",
    ]);

    private static readonly WordTable TrailingNoise = new(
    [
        "or", "and", "the", "a", "an", "of", "from", "lasting", "present", "persisting", "in", "for", "at", "is", "are",
        "was", "been", "have", "has", "had", "with", "be", "to", "within", "by", "obtained", "collected",
    ]);

    private static readonly WordTable StudyVerbs = new(
    [
        "enrolled", "enroled", "randomized", "randomised", "registered", "included", "accrued", "screened", "entered",
    ]);

    private static readonly string[] NotEligibilityEvents = ["expectancy", "survival", "expected", "anticipated"];


    private static void Resolve(ItemContext ctx, List<FoundWindow> windows, int index)
    {
        var window = windows[index];
        var (start, end) = SubjectRange(ctx, windows, index);
        if (window.OfEvent)
        {
            if (!EndsWithStudyVerb(ctx, start, end))
            {
                return;
            }

            (start, end) = (window.SubjectStart, window.SubjectEnd);
        }

        (start, end) = Strip(ctx, start, end);
        if (start >= end || ContainsAny(ctx.T, start, end, NotEligibilityEvents))
        {
            return;
        }

        var subject = ctx.Span(start, end);
        var timeWindow = new TimeWindow(window.Value, window.Unit, window.Direction, ctx.Span(window.Start, window.End).Text, subject.Text);
        var fromChar = subject.Start;
        var toChar = subject.Start + subject.Length;
        var attached = false;
        for (var c = 0; c < ctx.Criteria.Count; c++)
        {
            var criterion = ctx.Criteria[c];
            if (criterion.TimeWindow is null && IsAttachable(criterion.Kind)
                && criterion.Source.Start >= fromChar && criterion.Source.Start + criterion.Source.Length <= toChar)
            {
                ctx.Criteria[c] = criterion with { TimeWindow = timeWindow };
                attached = true;
            }
        }

        if (attached)
        {
            return;
        }

        var negated = ctx.NegatedBefore(window.Start, Math.Min(MaxNegationLookBack, window.Start - start + 1));
        ctx.Add(new StructuredCriterion
        {
            Kind = CriterionKind.Therapy,
            Code = Codes.TherapyOrEvent,
            Qualifier = subject.Text,
            Negated = negated,
            Exclude = ctx.Exclude(negated),
            TimeWindow = timeWindow,
            Source = ctx.Span(Math.Min(start, window.Start), Math.Max(end, window.End)),
            ItemText = ctx.Original,
        });
    }

    /// <summary>The explicit subject, else the text before the window, else the one of the window before, else the text after.</summary>
    private static (int Start, int End) SubjectRange(ItemContext ctx, List<FoundWindow> windows, int index)
    {
        var window = windows[index];
        if (window.Continues && index > 0)
        {
            return SubjectRange(ctx, windows, index - 1);
        }

        if (window.HasExplicitSubject && !window.OfEvent)
        {
            return (window.SubjectStart, window.SubjectEnd);
        }

        var t = ctx.T;
        var start = ctx.SegmentStart(window.Start);
        for (var i = window.Start - 1; i >= start; i--)
        {
            if (t.IsSymbol(i, ':'))
            {
                start = i + 1;
                break;
            }
        }

        var previous = index > 0 && ctx.Segment[windows[index - 1].Start] == ctx.Segment[window.Start] ? windows[index - 1] : (FoundWindow?)null;
        if (previous is { } p && p.End > start && p.End <= window.Start)
        {
            start = p.End;
        }

        var (s, e) = Strip(ctx, start, window.Start);
        if (s < e)
        {
            return (start, window.Start);
        }

        if (previous is { } adjacent && adjacent.End == start)
        {
            return SubjectRange(ctx, windows, index - 1);
        }

        var following = window.End;
        while (following < ctx.T.Count && ctx.T.Tokens[following].Kind == TokenKind.Symbol && ctx.Segment[following] == ctx.Segment[window.Start])
        {
            following++;
        }

        return (following, FollowingEnd(ctx, following));
    }

    private static int FollowingEnd(ItemContext ctx, int from)
    {
        var t = ctx.T;
        var limit = Math.Min(t.Count, from + MaxFollowingSubjectTokens);
        if (from < t.Count)
        {
            limit = Math.Min(limit, ctx.SegmentEnd(from));
        }

        for (var i = from; i < limit; i++)
        {
            if (t.IsSymbol(i, ',') || t.IsSymbol(i, ';') || t.IsSymbol(i, '.'))
            {
                return i;
            }
        }

        return limit;
    }

    private static (int Start, int End) Strip(ItemContext ctx, int start, int end)
    {
        var t = ctx.T;
        while (start < end && IsNoise(t, start, LeadingNoise))
        {
            start++;
        }

        while (end > start && IsNoise(t, end - 1, TrailingNoise))
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsNoise(TokenText t, int i, WordTable words)
    {
        var token = t.Tokens[i];
        return token.Kind == TokenKind.Symbol || (token.Kind == TokenKind.Word && token.Length == 1)
            || words.Contains(t, i);
    }

    /// <summary>True when the text right before the window is empty or a study verb ("they are enrolled within ...").</summary>
    private static bool EndsWithStudyVerb(ItemContext ctx, int start, int end)
    {
        var (s, e) = Strip(ctx, start, end);
        return s >= e || StudyVerbs.Contains(ctx.T, e - 1);
    }

    private static bool IsAttachable(CriterionKind kind) =>
        kind is CriterionKind.Condition or CriterionKind.StudyParticipation or CriterionKind.Measurement or CriterionKind.Score
            or CriterionKind.BodyMassIndex;

    private static bool ContainsAny(TokenText t, int start, int end, string[] words)
    {
        for (var i = start; i < end; i++)
        {
            if (t.IsAnyWord(i, words))
            {
                return true;
            }
        }

        return false;
    }
}
