using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Sex restrictions, read only where an item states who may take part: "Male", "Women aged 18-45",
/// "Adult male subjects 40 to 65 years", "men with hepatitis C", "Sex: female". "Male or female", "Women of
/// childbearing potential must ..." and "Male subjects should ..." are not restrictions.
/// </summary>
internal static class SexExtractor
{
    private const int OtherSexLookAhead = 4;

    private static readonly WordTable Modals = new(["must", "should", "will", "would", "shall", "agree", "agrees", "need", "needs", "may", "can", "required"]);

    public static void Extract(ItemContext ctx)
    {
        var t = ctx.T;
        var i = 0;
        if (t.Count == 0 || ctx.Depth > 0 || ctx.InZone(0, 1, ZoneFlags.Silencing))
        {
            return;
        }

        if (ctx.MentionAt(0) is { Category: TermCategory.SexKeyword } keyword)
        {
            i = t.IsSymbol(keyword.End, ':') ? keyword.End + 1 : keyword.End;
        }

        while (i < t.Count && ctx.Lexicon.SexPrefixes.Match(t, i, out var prefixEnd) is not null && ctx.MentionAt(i) is not { Category: TermCategory.Sex })
        {
            i = SkipParenthesis(t, prefixEnd);
        }

        if (ctx.MentionAt(i) is not { Category: TermCategory.Sex } sex || !IsRestriction(ctx, sex) || HasModal(ctx, sex.End)
            || (ctx.IsExclusion && !EndsItem(ctx, sex.End)))
        {
            return;
        }

        ctx.Add(new StructuredCriterion
        {
            Kind = CriterionKind.Sex,
            Code = Codes.Sex,
            ValueCode = sex.Term.Sex == "male" ? Codes.Male : Codes.Female,
            Exclude = ctx.IsExclusion,
            Source = ctx.Span(0, sex.End),
            ItemText = ctx.Original,
        });
    }

    private static int SkipParenthesis(Text.TokenText t, int i)
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
        }

        return i;
    }

    /// <summary>"Female patients with childbearing potential must use ...": an obligation on that group, not a restriction.</summary>
    private static bool HasModal(ItemContext ctx, int from)
    {
        var end = ctx.SegmentEnd(Math.Min(from, ctx.T.Count - 1));
        for (var i = from; i < end && from < ctx.T.Count; i++)
        {
            if (ctx.T.IsAnyWord(i, Modals))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In an exclusion only a bare "Males." / "Female" excludes a sex; "Men with X" names a condition.</summary>
    private static bool EndsItem(ItemContext ctx, int from)
    {
        for (var i = from; i < ctx.T.Count; i++)
        {
            if (ctx.T.Tokens[i].Kind != Text.TokenKind.Symbol && !ctx.T.IsWord(i, "only"))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRestriction(ItemContext ctx, Mention sex)
    {
        var t = ctx.T;
        var j = sex.End;
        if (j >= t.Count || t.IsSymbol(j, '.') || t.IsSymbol(j, ';'))
        {
            return true;
        }

        if (t.IsWord(j, "or") || t.IsWord(j, "and") || t.IsSymbol(j, '/') || t.IsSymbol(j, '&') || t.IsSymbol(j, ','))
        {
            for (var k = j + 1; k < Math.Min(t.Count, j + 1 + OtherSexLookAhead); k++)
            {
                if (ctx.MentionAt(k) is { Category: TermCategory.Sex } other && other.Term.Sex != sex.Term.Sex)
                {
                    return false;
                }
            }

            return t.IsSymbol(j, ',') && ctx.Lexicon.SexBlockers.Match(t, j + 1, out _) is null;
        }

        if (t.IsNumber(j) || ctx.Lexicon.Comparators.Match(t, j, out _) is not null)
        {
            return ctx.HasCriterion(CriterionKind.Age);
        }

        if (t.IsSymbol(j, '('))
        {
            return true;
        }

        if (ctx.Lexicon.SexBlockers.Match(t, j, out _) is not null)
        {
            return false;
        }

        if (ctx.Lexicon.SexFollowers.Match(t, j, out var followerEnd) is null)
        {
            return false;
        }

        return ctx.Lexicon.SexBlockers.Match(t, followerEnd, out _) is null;
    }
}
