using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Quantities;
using FhirTrials.Eligibility.Terminology;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Tests.Support;

/// <summary>Short ways to run the parsers in tests.</summary>
internal static class Parse
{
    public static Quantity? Quantity(string text)
    {
        var t = new TokenText(text);
        return QuantityParser.TryParse(t, 0, Lexicon.Default, out var q) ? q : null;
    }

    public static Threshold? Threshold(string text, ThresholdOptions options = ThresholdOptions.None)
    {
        var t = new TokenText(text);
        return ThresholdParser.TryParse(t, 0, Lexicon.Default, options, out var th) ? th : null;
    }

    public static IReadOnlyList<StructuredCriterion> Item(string text, CriteriaSection section = CriteriaSection.Inclusion) =>
        EligibilityCriteriaParser.ParseItem(text, section);

    public static IReadOnlyList<StructuredCriterion> Item(string text, CriterionKind kind, CriteriaSection section = CriteriaSection.Inclusion) =>
        Item(text, section).Where(c => c.Kind == kind).ToList();
}
