using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>Clause segments and the zones that exceptions, populations, hedges, plans and family history open.</summary>
internal sealed partial class ItemContext
{
    private static readonly WordTable ZoneStopWords = new(["within", "during", "prior", "before", "who", "that", "must", "should"]);

    /// <summary>Fills the segment of each token and the first token and end of each segment.</summary>
    private void ComputeSegments()
    {
        var tokens = T.Tokens.AsSpan(0, T.Count);
        var text = T.Text;
        var segments = _segments;
        var current = 0;
        if (tokens.Length > 0)
        {
            _segmentStarts[0] = 0;
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            segments[i] = current;
            if (i + 1 < tokens.Length && tokens[i].Kind == TokenKind.Symbol
                && (text[tokens[i].Start] == ';' || (text[tokens[i].Start] == '.' && EndsSentence(i))))
            {
                _segmentEnds[current] = i + 1;
                current++;
                _segmentStarts[current] = i + 1;
            }
        }

        if (tokens.Length > 0)
        {
            _segmentEnds[current] = tokens.Length;
        }
    }

    private bool EndsSentence(int dot)
    {
        if (dot + 1 >= T.Count)
        {
            return true;
        }

        var next = T.Tokens[dot + 1];
        var previous = dot > 0 ? T.Tokens[dot - 1] : default;
        if (dot > 0 && previous.Kind == TokenKind.Word && previous.Length <= 2 && !char.IsUpper(T.Text[previous.Start]))
        {
            return false;
        }

        return next.Kind == TokenKind.Number || (next.Kind == TokenKind.Word && char.IsUpper(T.Text[next.Start]));
    }

    private void ComputeZones()
    {
        var zones = _zones;
        Array.Clear(zones, 0, T.Count);
        foreach (var mention in Mentions)
        {
            if (mention.Category != TermCategory.Cue)
            {
                continue;
            }

            switch (mention.Term.Cue)
            {
                case CueKind.Exception:
                    Fill(zones, mention.Start, ExceptionEnd(mention), ZoneFlags.Exception);
                    break;
                case CueKind.Allowance:
                    Fill(zones, EnclosingStart(mention.Start), ParenthesisOrSegmentEnd(mention.Start), ZoneFlags.Exception);
                    break;
                case CueKind.Population:
                    Fill(zones, mention.Start, PopulationEnd(mention), ZoneFlags.Population);
                    break;
                case CueKind.Hedge:
                    Fill(zones, mention.Start, HedgeEnd(mention), ZoneFlags.Hedge);
                    break;
                case CueKind.Future:
                    Fill(zones, mention.Start, CommaOrParenthesisEnd(mention.Start), ZoneFlags.Future);
                    break;
                case CueKind.Family when !IsPersonalAndFamily(mention.Start):
                    Fill(zones, mention.Start, ParenthesisOrSegmentEnd(mention.Start), ZoneFlags.Family);
                    break;
            }
        }

        MarkOnlyParentheses(zones);
    }

    private void Fill(ZoneFlags[] zones, int start, int end, ZoneFlags flag)
    {
        for (var i = start; i < end && i < T.Count; i++)
        {
            zones[i] |= flag;
        }
    }

    /// <summary>The closing parenthesis of a group opened before <paramref name="start"/>, or the segment end.</summary>
    private int ParenthesisOrSegmentEnd(int start)
    {
        var depth = 0;
        var end = SegmentEnd(start);
        for (var i = start; i < end; i++)
        {
            if (T.IsSymbol(i, '(') || T.IsSymbol(i, '['))
            {
                depth++;
            }
            else if (T.IsSymbol(i, ')') || T.IsSymbol(i, ']'))
            {
                if (--depth < 0)
                {
                    return i;
                }
            }
        }

        return end;
    }

    /// <summary>The opening parenthesis around <paramref name="token"/>, or the segment start.</summary>
    private int EnclosingStart(int token)
    {
        var depth = 0;
        var start = SegmentStart(token);
        for (var i = token - 1; i >= start; i--)
        {
            if (T.IsSymbol(i, ')') || T.IsSymbol(i, ']'))
            {
                depth++;
            }
            else if ((T.IsSymbol(i, '(') || T.IsSymbol(i, '[')) && --depth < 0)
            {
                return i;
            }
        }

        return start;
    }

    /// <summary>A carve-out ("except NSCLC") ends at its parenthesis, the clause end, or a window ("within 5 years").</summary>
    private int ExceptionEnd(Mention cue)
    {
        var limit = ParenthesisOrSegmentEnd(cue.Start);
        for (var i = cue.End; i < limit; i++)
        {
            if (T.IsWord(i, "within") || T.IsWord(i, "during"))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>A plan runs to the next comma, semicolon or closing parenthesis.</summary>
    private int CommaOrParenthesisEnd(int start)
    {
        var limit = ParenthesisOrSegmentEnd(start);
        for (var i = start; i < limit; i++)
        {
            if (T.IsSymbol(i, ','))
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>A population phrase ends at a comma, a closing parenthesis, a window word, or "and/or" + comparator.</summary>
    private int PopulationEnd(Mention cue)
    {
        var limit = ParenthesisOrSegmentEnd(cue.Start);
        for (var i = cue.End; i < limit; i++)
        {
            if (T.IsSymbol(i, ',') || T.IsSymbol(i, ':'))
            {
                return i;
            }

            if (T.IsAnyWord(i, ZoneStopWords))
            {
                return i;
            }

            if (MentionAt(i) is { Category: TermCategory.Comparator })
            {
                return i;
            }

            if ((T.IsWord(i, "and") || T.IsWord(i, "or")) && i + 1 < T.Count
                && Lexicon.Comparators.Match(T, i + 1, out _) is not null)
            {
                return i;
            }
        }

        return limit;
    }

    /// <summary>A hedge covers the next few words up to punctuation.</summary>
    private int HedgeEnd(Mention cue)
    {
        var limit = Math.Min(SegmentEnd(cue.Start), cue.End + 6);
        for (var i = cue.End; i < limit; i++)
        {
            if (T.Tokens[i].Kind == TokenKind.Symbol && !T.IsSymbol(i, '-') && !T.IsSymbol(i, '/') && !T.IsSymbol(i, '('))
            {
                return i;
            }
        }

        return limit;
    }

    private bool IsPersonalAndFamily(int start) =>
        start >= 2 && (T.IsWord(start - 1, "or") || T.IsWord(start - 1, "and")) && T.IsWord(start - 2, "personal");

    /// <summary>"(subjects aged 13 to 17 only)": a parenthesis ending in "only" names a population.</summary>
    private void MarkOnlyParentheses(ZoneFlags[] zones)
    {
        var tokens = T.Tokens.AsSpan(0, T.Count);
        var text = T.Text;
        for (var i = 1; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != TokenKind.Symbol || text[tokens[i].Start] != ')' || !T.IsWord(i - 1, "only"))
            {
                continue;
            }

            var open = i - 1;
            while (open >= 0 && !T.IsSymbol(open, '('))
            {
                open--;
            }

            if (open >= 0)
            {
                Fill(zones, open, i + 1, ZoneFlags.Population);
            }
        }
    }
}
