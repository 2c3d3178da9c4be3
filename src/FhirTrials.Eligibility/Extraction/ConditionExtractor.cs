using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Extraction;

/// <summary>
/// Conditions and states (pregnancy, lactation, HIV, hepatitis B/C, syphilis, tuberculosis, malignancy, named
/// diseases), with negation, study participation and informed consent. One criterion per code and polarity in an
/// item. Skipped: carve-outs, populations, hedges ("suggestive of TB"), family history, "HIV-associated PAH", tests
/// named without a result ("HIV testing"), and pregnancy that is planned or possible ("planning to become pregnant").
/// </summary>
internal static class ConditionExtractor
{
    private const int MaxTopicDistance = 10;

    public static void Extract(ItemContext ctx)
    {
        foreach (var mention in ctx.Mentions)
        {
            if (ctx.Used[mention.Start] || ctx.InZone(mention.Start, mention.End, ZoneFlags.Silencing))
            {
                continue;
            }

            switch (mention.Category)
            {
                case TermCategory.Condition:
                    AddCondition(ctx, mention);
                    break;
                case TermCategory.Participation when !ctx.InZone(mention.Start, mention.End, ZoneFlags.Future) && !IsThisStudy(ctx, mention):
                    AddOnce(ctx, mention, CriterionKind.StudyParticipation, Codes.TrialParticipation);
                    break;
                case TermCategory.Consent:
                    AddOnce(ctx, mention, CriterionKind.Consent, Codes.InformedConsent);
                    break;
            }
        }
    }

    private static void AddCondition(ItemContext ctx, Mention mention)
    {
        var definition = mention.Term.Condition!;
        if (IsAssociated(ctx, mention) || IsUnresolvedTest(ctx, mention) || IsTopicOfStudy(ctx, mention) || ctx.T.IsWord(mention.Start - 1, "anti")
            || (definition.Category == ConditionCategory.Reproductive && IsProspective(ctx, mention)))
        {
            return;
        }

        var negated = ctx.IsNegated(mention);
        var exclude = ctx.Exclude(negated);
        if (ctx.HasCriterion(CriterionKind.Condition, exclude, definition.Code))
        {
            return;
        }

        ctx.Add(new StructuredCriterion
        {
            Kind = CriterionKind.Condition,
            Code = definition.Code,
            Negated = negated,
            Exclude = exclude,
            Source = ctx.Span(mention.Start, mention.End),
            ItemText = ctx.Original,
        });
    }

    private static void AddOnce(ItemContext ctx, Mention mention, CriterionKind kind, Coding code)
    {
        var negated = ctx.IsNegated(mention);
        var exclude = ctx.Exclude(negated);
        if (ctx.HasCriterion(kind, exclude))
        {
            return;
        }

        ctx.Add(new StructuredCriterion
        {
            Kind = kind,
            Code = code,
            Negated = negated,
            Exclude = exclude,
            Source = ctx.Span(mention.Start, mention.End),
            ItemText = ctx.Original,
        });
    }

    /// <summary>"another clinical trial for the treatment of COVID-19": the condition is what that study treats.</summary>
    private static bool IsTopicOfStudy(ItemContext ctx, Mention mention)
    {
        foreach (var other in ctx.Mentions)
        {
            if (other.Category == TermCategory.Participation && other.End <= mention.Start && other.End >= mention.Start - MaxTopicDistance
                && !HasClauseSymbol(ctx, other.End, mention.Start))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a symbol other than '-' and ',' stands in tokens [from, to).</summary>
    private static bool HasClauseSymbol(ItemContext ctx, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (ctx.T.Tokens[i].Kind == Text.TokenKind.Symbol && !ctx.T.IsSymbol(i, '-') && !ctx.T.IsSymbol(i, ','))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"this clinical study", "the present study": the trial itself, not another one.</summary>
    private static bool IsThisStudy(ItemContext ctx, Mention mention) =>
        ctx.T.IsWord(mention.Start - 1, "this") || ctx.T.IsWord(mention.Start - 1, "present")
        || (ctx.T.IsWord(mention.Start - 1, "current") && ctx.T.IsWord(mention.Start - 2, "the"));

    /// <summary>"HIV-associated PAH", "(HIV)-associated": the condition qualifies another one.</summary>
    private static bool IsAssociated(ItemContext ctx, Mention mention)
    {
        var t = ctx.T;
        var i = mention.End;
        if (t.IsSymbol(i, '(') && t.IsSymbol(i + 2, ')'))
        {
            i += 2;
        }

        while (t.IsSymbol(i, ')') || t.IsSymbol(i, '-'))
        {
            i++;
        }

        return t.IsWord(i, "associated") || t.IsWord(i, "related") || t.IsWord(i, "induced");
    }

    /// <summary>A test named without a result ("HIV testing", "pregnancy test at screening") states nothing.</summary>
    private static bool IsUnresolvedTest(ItemContext ctx, Mention mention)
    {
        var namesTest = false;
        for (var i = mention.Start; i < Math.Min(ctx.T.Count, mention.End + 2); i++)
        {
            if (ctx.MentionAt(i) is { } m && m.IsCue(CueKind.Test) || IsTestWord(ctx, i))
            {
                namesTest = true;
                break;
            }
        }

        if (!namesTest)
        {
            return false;
        }

        var start = ctx.SegmentStart(mention.Start);
        var end = ctx.SegmentEnd(mention.Start);
        foreach (var other in ctx.Mentions)
        {
            if (other.Start >= start && other.End <= end && (other.IsCue(CueKind.Polarity) || other.IsCue(CueKind.Negation)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTestWord(ItemContext ctx, int i) =>
        ctx.T.IsWord(i, "test") || ctx.T.IsWord(i, "tests") || ctx.T.IsWord(i, "testing") || ctx.T.IsWord(i, "serology");

    /// <summary>"become pregnant", "avoid pregnancy", "potentially pregnant", "planning a pregnancy", "pregnancy plan".</summary>
    private static bool IsProspective(ItemContext ctx, Mention mention)
    {
        if (ctx.InZone(mention.Start, mention.End, ZoneFlags.Future))
        {
            return true;
        }

        foreach (var other in ctx.Mentions)
        {
            if (other.End <= mention.Start && other.End >= mention.Start - 1 && other.IsCue(CueKind.Prospective))
            {
                return true;
            }
        }

        var t = ctx.T;
        return t.IsWord(mention.End, "plan") || t.IsWord(mention.End, "plans") || t.IsWord(mention.End, "planning")
            || t.IsWord(mention.End, "prevention") || t.IsWord(mention.End, "category");
    }
}
