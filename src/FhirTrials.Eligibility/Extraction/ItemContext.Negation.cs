using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Negation: cues before a mention in its clause ("no history of", "non-", "without") and after it ("is negative").</summary>
internal sealed partial class ItemContext
{
    private const int NegationLookBack = 10;
    private const int NegationLookAhead = 4;

    /// <summary>True when an odd number of negation cues govern the mention (double negation cancels).</summary>
    public bool IsNegated(Mention mention)
    {
        var cues = 0;
        var segmentStart = SegmentStart(mention.Start);
        var from = Math.Max(segmentStart, mention.Start - NegationLookBack);
        for (var m = Mentions.Length - 1; m >= 0; m--)
        {
            var other = Mentions[m];
            if (other.Start >= mention.Start || other.End <= from)
            {
                continue;
            }

            if (other.IsCue(CueKind.Breaker))
            {
                break;
            }

            if (other.IsCue(CueKind.Negation))
            {
                cues++;
            }
        }

        if (NegatedAfter(mention))
        {
            cues++;
        }

        return (cues % 2 == 1) ^ mention.Term.Negated;
    }

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
