using FhirTrials.Eligibility.Matching.Criteria;
using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Matching.Time;

namespace FhirTrials.Eligibility.Matching.Evaluation;

/// <summary>
/// Therapies and events named in words (therapy-or-event): the words are looked up in therapies.json, and
/// the record's medications and procedures are classified by ATC class or exact code, then checked
/// against the time window (any overlap counts for "within").
/// </summary>
internal static class TherapyEvaluator
{
    public static Finding Evaluate(CriterionSpec spec, EvaluationContext context)
    {
        var words = spec.CodeText ?? string.Empty;
        if (context.Knowledge.Therapy(words) is not { } therapy)
        {
            return Finding.Unknown(UnknownReason.Terminology, $"'{words}' is not in the matcher's therapy table (therapies.json): no codes to look for");
        }

        var facts = new List<Fact>();
        var exposures = Exposure.All(context.Record, context.Date);
        foreach (var exposure in exposures)
        {
            var (matched, why) = Classify(exposure, therapy);
            if (matched == false)
            {
                continue;
            }

            if (matched is null)
            {
                facts.Add(new Fact(null, exposure.Evidence, why, UnknownReason.Terminology));
            }
            else if (spec.Window is not { } window)
            {
                facts.Add(new Fact(true, exposure.Evidence, why));
            }
            else if (exposure.Time is not { } time)
            {
                facts.Add(new Fact(null, exposure.Evidence, $"{why}; it has no date to check '{window.Describe()}' against"));
            }
            else
            {
                var (holds, explanation) = TimeWindowCheck.Check(window, time, context.Date, context.Knowledge.Units, onsetOnly: false);
                facts.Add(new Fact(holds, exposure.Evidence, $"{why}; {explanation}"));
            }
        }

        if (Fact.Decide(facts) is { } decided)
        {
            return decided;
        }

        var looked = string.Join(", ", therapy.AtcClasses.Select(c => "ATC " + c).Concat(therapy.Codes.Select(c => $"{Codes.ShortSystem(c.System)} {c.Code}")));
        var summary = $"none of the {exposures.Count} medications and procedures of the record is {therapy.Phrase} ({looked})";
        return context.Options.AbsentConditionIsNotMet
            ? Finding.NotMet(new MatchEvidence { Summary = summary }).Say("a therapy missing from the record is read as not given (closed world)")
            : Finding.Unknown(UnknownReason.MissingData, summary);
    }

    /// <summary>True when the exposure is the therapy, false when it is definitely not, null when codes outside the tables leave it open.</summary>
    private static (bool? Matched, string Why) Classify(Exposure exposure, TherapyInfo therapy)
    {
        foreach (var code in exposure.Codes)
        {
            if (therapy.Codes.Contains(code))
            {
                return (true, $"{exposure.Name} is {therapy.Phrase}");
            }

            if (therapy.AtcClassOf(code) is { } atcClass)
            {
                return (true, $"ATC {code.Code} is in class {atcClass} ({therapy.Phrase})");
            }
        }

        if (exposure.IsMedication && therapy.AtcClasses.Count > 0)
        {
            return exposure.Codes.Any(c => c.System == TherapyInfo.AtcSystem)
                ? (false, string.Empty)
                : (null, $"{exposure.Name} has no ATC code: whether it is {therapy.Phrase} needs a terminology server");
        }

        return therapy.Codes.Any(t => exposure.Codes.Any(c => c.System == t.System))
            ? (null, $"{exposure.Name} may be a kind of {therapy.Phrase}; deciding needs a terminology server")
            : (false, string.Empty);
    }
}
