using FhirTrials.Eligibility.Matching.Knowledge;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>The matcher's data files load and agree with the criteria terminology they extend.</summary>
public sealed class MatchingKnowledgeTests
{
    private static readonly MatchingKnowledge Knowledge = MatchingKnowledge.Default;

    [Fact]
    public void Analytes_PairEveryMassCodeWithTheParsersSubstanceCode_AndAMolarMass()
    {
        // measurements.json codes a threshold in umol/L with the substance code (creatinine 14682-9): the matcher must treat both as one analyte and convert.
        var problems = Lexicon.Default.Measurements
            .Where(m => m.Alternates.ContainsKey("substance-concentration"))
            .Select(m => (m.Key, Main: new CodeKey(m.Code.System, m.Code.Code), Substance: new CodeKey(m.Alternates["substance-concentration"].System, m.Alternates["substance-concentration"].Code)))
            .Where(p => Knowledge.Analyte(p.Main) is not { MolarMass: not null } analyte || !analyte.Codes.Contains(p.Substance))
            .Select(p => $"{p.Key}: {p.Main} / {p.Substance}")
            .ToList();

        Assert.Empty(problems);
    }

    [Fact]
    public void Concepts_AreConditionsTheParserCodes()
    {
        var parserCodes = Lexicon.Default.Conditions.Select(c => new CodeKey(c.Code.System, c.Code.Code)).ToHashSet();
        var notParsed = Knowledge.KnownConditions.Where(c => !parserCodes.Contains(c)).ToList();

        Assert.Empty(notParsed);
    }

    [Fact]
    public void Concepts_InfectionsAndPregnancyNeedEvidence_DiseasesAreClosedWorld()
    {
        Assert.Equal(ConditionCategory.Infection, MatchingKnowledge.CategoryOf(new CodeKey(CodeSystems.SnomedCt, "86406008")));
        Assert.Equal(ConditionCategory.Reproductive, MatchingKnowledge.CategoryOf(new CodeKey(CodeSystems.SnomedCt, "77386006")));
        Assert.Equal(ConditionCategory.Disease, MatchingKnowledge.CategoryOf(new CodeKey(CodeSystems.SnomedCt, "9014002")));
    }

    [Theory]
    [InlineData("Systemic  Therapy", "systemic therapy")]
    [InlineData("biologics", "biologics")]
    public void Therapy_IsFoundByNormalisedWords(string words, string phrase)
    {
        Assert.Equal(phrase, Knowledge.Therapy(words)?.Phrase);
    }

    [Fact]
    public void Joiners_IncludeTheChineseOr()
    {
        Assert.Contains("或", Knowledge.Joiners);
        Assert.Contains("and/or", Knowledge.Joiners);
    }
}
