using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Negation: cues before a mention in its clause ("no history of", "non-", "without") and after it ("is negative").</summary>
internal sealed partial class ItemContext
{
    private const int NegationLookBack = 10;
    private const int NegationLookAhead = 4;

    /// <summary>
    /// True when an odd number of negation cues govern the mention (double negation cancels). Looking back, a list
    /// of mentions ("no history of HIV, hepatitis B, or syphilis") shares the cue; another mention reached after other
    /// words ("negative pregnancy test and must not be lactating"), a clause word (but, which, who) or a comma after
    /// a non-mention ("without contraception, pregnant") ends the scope.
    /// </summary>
    public bool IsNegated(Mention mention)
    {
        var cues = 0;
        var limit = Math.Max(SegmentStart(mention.Start), mention.Start - NegationLookBack);
        var sawContent = false;
        var i = mention.Start - 1;
        while (i >= limit)
        {
            if (MentionEndingAt(i) is { } other)
            {
                if (other.IsCue(CueKind.Breaker))
                {
                    break;
                }

                if (other.IsCue(CueKind.Negation))
                {
                    if (BelongsToEarlierStatement(other))
                    {
                        break;
                    }

                    cues++;
                }
                else if (IsStatement(other))
                {
                    if (sawContent)
                    {
                        break;
                    }
                }
                else
                {
                    sawContent = true;
                }

                i = other.Start - 1;
                continue;
            }

            if (T.IsSymbol(i, ',') && (MentionEndingAt(i - 1) is not { } listed || !IsStatement(listed)))
            {
                break;
            }

            if (T.Tokens[i].Kind == TokenKind.Word && !IsConnector(i))
            {
                sawContent = true;
            }

            i--;
        }

        if (NegatedAfter(mention))
        {
            cues++;
        }

        return (cues % 2 == 1) ^ mention.Term.Negated;
    }

    /// <summary>"pregnancy test is negative ... and must be non-lactating": "negative" closes the earlier statement.</summary>
    private bool BelongsToEarlierStatement(Mention cue)
    {
        if (!T.IsWord(cue.Start, "negative") && !T.IsWord(cue.Start, "neg"))
        {
            return false;
        }

        for (var i = cue.Start - 1; i >= Math.Max(0, cue.Start - 4); i--)
        {
            if (MentionEndingAt(i) is { } before)
            {
                return IsStatement(before);
            }

            if (T.Tokens[i].Kind == TokenKind.Symbol)
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsStatement(Mention mention) =>
        mention.Category is TermCategory.Condition or TermCategory.Measurement or TermCategory.Participation or TermCategory.Score;

    private bool IsConnector(int i) => T.IsWord(i, "or") || T.IsWord(i, "and") || T.IsWord(i, "nor") || T.IsWord(i, "either");

    /// <summary>True when a negation cue appears within a few tokens before <paramref name="token"/> in its clause.</summary>
    public bool NegatedBefore(int token, int lookBack)
    {
        var from = Math.Max(SegmentStart(Math.Min(token, T.Count - 1)), token - lookBack);
        var cues = 0;
        foreach (var other in Mentions)
        {
            if (other.Start >= from && other.End <= token && other.IsCue(CueKind.Negation))
            {
                cues++;
            }
        }

        return cues % 2 == 1;
    }

    private bool NegatedAfter(Mention mention)
    {
        var end = Math.Min(SegmentEnd(mention.Start), mention.End + NegationLookAhead);
        for (var i = mention.End; i < end; i++)
        {
            if (T.Tokens[i].Kind == TokenKind.Symbol && !T.IsSymbol(i, '-') && !T.IsSymbol(i, ')') && !T.IsSymbol(i, '('))
            {
                return false;
            }

            if (MentionAt(i) is { } next)
            {
                return next.IsCue(CueKind.Negation) && T.IsWord(i, "negative") || T.IsWord(i, "neg");
            }
        }

        return false;
    }
}
