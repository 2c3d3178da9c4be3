using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Durations and the anchors after them ("prior to screening", "of diagnosis", "since", "after repair").</summary>
internal static partial class TimeWindowExtractor
{
    private const int MaxAnchorTokens = 8;

    private static readonly HashSet<string> WindowUnits = new(StringComparer.Ordinal) { "min", "h", "d", "wk", "mo", "a" };

    private static readonly WordTable StudyAnchorWords = new(
    [
        "screening", "screen", "randomization", "randomisation", "randomized", "randomised", "randomizing", "enrollment",
        "enrolment", "enrolled", "enrol", "enroll", "registration", "registered", "baseline", "dosing", "dose", "day",
        "study", "trial", "consent", "informed", "inclusion", "entry", "visit", "administration", "vaccination",
        "infusion", "start", "starting", "initiation", "treatment", "receiving", "signing", "signed", "accrual",
        "participation", "surgery", "first", "intervention", "procedure", "admission", "implantation", "transplant",
    ]);

    /// <summary>Anchors that, after "after"/"following", mean the study itself (so the window lies in the future).</summary>
    private static readonly WordTable StudyStartWords = new(
    [
        "screening", "randomization", "randomisation", "randomized", "randomised", "enrollment", "enrolment", "enrolled",
        "registration", "baseline", "dosing", "dose", "study", "trial", "consent", "inclusion", "entry", "visit",
        "administration", "vaccination", "infusion", "discharge", "discontinuation",
    ]);

    /// <summary>"≥ 4 weeks is required before the first dose": verbs between a duration and its anchor.</summary>
    private static readonly WordTable AnchorVerbs = new(
    [
        "is", "are", "be", "must", "required", "needed", "elapse", "elapsed", "has", "have", "been", "should", "passed",
    ]);

    private enum AnchorKind
    {
        None,
        Before,
        Relative,
        Of,
        Since,
        After,
        Ago,
        Duration,
    }

    private readonly record struct Anchor(AnchorKind Kind, int End, int SubjectStart, int SubjectEnd, bool IsStudy);

    private static Anchor ReadAnchor(ItemContext ctx, int i)
    {
        var t = ctx.T;
        var none = new Anchor(AnchorKind.None, i, -1, -1, false);
        if (i >= t.Count)
        {
            return none;
        }

        for (var skipped = 0; skipped < 3 && i < t.Count && AnchorVerbs.Contains(t, i); skipped++)
        {
            i++;
        }

        if (i >= t.Count)
        {
            return none;
        }

        AnchorKind kind;
        var k = i + 1;
        if (t.IsWord(i, "prior") || t.IsWord(i, "preceding") || t.IsWord(i, "before") || t.IsWord(i, "from"))
        {
            kind = AnchorKind.Before;
            if (t.IsWord(k, "to"))
            {
                k++;
            }
        }
        else if (t.IsWord(i, "of"))
        {
            kind = AnchorKind.Of;
        }
        else if (t.IsWord(i, "since") || ((t.IsWord(i, "have") || t.IsWord(i, "has")) && t.IsWord(i + 1, "elapsed") && t.IsWord(i + 2, "since")))
        {
            kind = AnchorKind.Since;
            k = t.IsWord(i, "since") ? i + 1 : i + 3;
        }
        else if (t.IsWord(i, "after") || t.IsWord(i, "following"))
        {
            kind = AnchorKind.After;
        }
        else if (t.IsWord(i, "ago"))
        {
            return new Anchor(AnchorKind.Ago, i + 1, -1, -1, true);
        }
        else if (t.IsWord(i, "duration") || (t.IsWord(i, "in") && t.IsWord(i + 1, "duration")))
        {
            return new Anchor(AnchorKind.Duration, t.IsWord(i, "in") ? i + 2 : i + 1, -1, -1, false);
        }
        else
        {
            return none;
        }

        var end = PhraseEnd(ctx, k);
        var study = false;
        var words = kind == AnchorKind.After ? StudyStartWords : StudyAnchorWords;
        for (var j = k; j < end; j++)
        {
            if (t.IsWord(j, "previous") || t.IsWord(j, "prior") || t.IsWord(j, "last"))
            {
                study = false;
                break;
            }

            if (t.Tokens[j].Kind == TokenKind.Word && words.Contains(t, j))
            {
                study = true;
            }
        }

        if (kind == AnchorKind.Before && !study && end > k)
        {
            kind = AnchorKind.Relative;
        }

        return new Anchor(kind, end, k, end, study);
    }

    /// <summary>The anchor phrase runs to punctuation, a coordinated clause or eight tokens.</summary>
    private static int PhraseEnd(ItemContext ctx, int k)
    {
        var t = ctx.T;
        var limit = Math.Min(t.Count, k + MaxAnchorTokens);
        if (k < t.Count)
        {
            limit = Math.Min(limit, ctx.SegmentEnd(k));
        }

        var depth = 0;
        for (var j = k; j < limit; j++)
        {
            if (t.IsSymbol(j, '(') && j > k)
            {
                return j;
            }

            if (t.IsSymbol(j, '('))
            {
                depth++;
            }
            else if (t.IsSymbol(j, ')') && --depth < 0)
            {
                return j;
            }
            else if (depth == 0 && (t.IsSymbol(j, ',') || t.IsSymbol(j, ';') || t.IsSymbol(j, '.') || t.IsWord(j, "or") || t.IsWord(j, "and") || t.IsWord(j, "whichever")))
            {
                return j;
            }
        }

        return limit;
    }

    /// <summary>A number or number word with a time unit: "4 weeks", "one month", "6-month", "twelve (12) months", "a year".</summary>
    private static bool TryDuration(ItemContext ctx, int k, out decimal value, out string unit, out int end)
    {
        value = 0;
        unit = "";
        end = k;
        var t = ctx.T;
        if (k >= t.Count || ctx.Used[k])
        {
            return false;
        }

        if ((t.IsWord(k, "a") || t.IsWord(k, "an")) && TryUnitWord(ctx, k + 1, out unit, out end))
        {
            value = 1;
            return true;
        }

        if (!QuantityParser.TryParse(t, k, ctx.Lexicon, out var quantity) || quantity.Unit is not { } u || !WindowUnits.Contains(u)
            || quantity.Limit != Model.NormalLimit.None || ctx.AnyUsed(k, quantity.End))
        {
            return false;
        }

        value = quantity.Value;
        unit = u;
        end = quantity.End;
        return true;
    }

    private static bool TryUnitWord(ItemContext ctx, int k, out string unit, out int end)
    {
        unit = "";
        end = k;
        var t = ctx.T;
        if (k >= t.Count || t.Tokens[k].Kind != TokenKind.Word)
        {
            return false;
        }

        var found = ctx.Lexicon.Units.Match(t.Text, t.Tokens[k].Start, out var charEnd);
        if (found is null || !WindowUnits.Contains(found.Ucum) || found.Ucum == "min")
        {
            return false;
        }

        unit = found.Ucum;
        end = t.IndexAtOrAfter(charEnd);
        return true;
    }

    /// <summary>Skips a parenthesis right after a duration: "within 112 days (3.7 months) prior to".</summary>
    private static int SkipParenthesis(TokenText t, int i)
    {
        if (!t.IsSymbol(i, '('))
        {
            return i;
        }

        for (var j = i + 1; j < t.Count; j++)
        {
            if (t.IsSymbol(j, ')'))
            {
                return j + 1;
            }

            if (t.IsSymbol(j, '(') || t.IsSymbol(j, ';'))
            {
                return i;
            }
        }

        return i;
    }
}
