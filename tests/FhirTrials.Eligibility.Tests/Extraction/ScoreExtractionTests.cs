using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Tests.Support;

namespace FhirTrials.Eligibility.Tests.Extraction;

public sealed class ScoreExtractionTests
{
    [Theory]
    [InlineData("PASI>10 at baseline", "pasi", Comparator.GreaterThan, 10)]
    [InlineData("PGA≥3", "pga", Comparator.GreaterOrEqual, 3)]
    [InlineData("SLEDAI≥8", "sledai", Comparator.GreaterOrEqual, 8)]
    [InlineData("Disease Activity Score (DAS) 28≥3.2", "das28", Comparator.GreaterOrEqual, 3.2)]
    [InlineData("Simple Disease Activity Index (SDAI)>11.0", "sdai", Comparator.GreaterThan, 11.0)]
    [InlineData("Clinical Disease Activity Index (CDAI) >10.0", "cdai", Comparator.GreaterThan, 10.0)]
    [InlineData("a total PANSS score > 60", "panss", Comparator.GreaterThan, 60)]
    [InlineData("No evidence of dementia (MMSE ≥24)", "mmse", Comparator.GreaterOrEqual, 24)]
    [InlineData("EASI score greater than or equal to (≥)16", "easi", Comparator.GreaterOrEqual, 16)]
    [InlineData("Karnofsky performance status ≥ 70%", "89243-0", Comparator.GreaterOrEqual, 70)]
    [InlineData("ECOG PS of 2", "89247-1", Comparator.Equal, 2)]
    [InlineData("EDSS score ≤ 6.5", "edss", Comparator.LessOrEqual, 6.5)]
    [InlineData("NYHA class >II", "nyha", Comparator.GreaterThan, 2)]
    public void ParseItem_OneSidedScore_ReadsCodeAndValue(string text, string code, Comparator comparator, double value)
    {
        var score = Assert.Single(Parse.Item(text, CriterionKind.Score));

        Assert.Equal((code, comparator, (decimal)value), (score.Code!.Code, score.Comparator!.Value, score.Value!.Value));
    }

    [Theory]
    [InlineData("Eastern Cooperative Oncology Group (ECOG) performance score 0 or 1.", "89247-1", 0, 1)]
    [InlineData("ECOG performance status 0-1.", "89247-1", 0, 1)]
    [InlineData("ECOG standard score 0-1;", "89247-1", 0, 1)]
    [InlineData("History of idiopathic Parkinson's Disease (Hoehn and Yahr stage of II-IV),", "hoehn-yahr", 2, 4)]
    [InlineData("heart failure III or IV NYHA for 1 year prior to screening", "nyha", 3, 4)]
    [InlineData("symptomatic PAH classified as WHO FC II to IV", "who-fc", 2, 4)]
    public void ParseItem_ScoreRange_ReadsBounds(string text, string code, int low, int high)
    {
        var score = Assert.Single(Parse.Item(text, CriterionKind.Score));

        Assert.Equal((code, Comparator.Range, (decimal)low, (decimal)high), (score.Code!.Code, score.Comparator!.Value, score.Low!.Value, score.High!.Value));
    }

    [Fact]
    public void ParseItem_ValueBeforeTheScore_IsRead()
    {
        var score = Assert.Single(Parse.Item("≥10% of BSA involvement (per EASI BSA).", CriterionKind.Score));

        Assert.Equal(("bsa", Comparator.GreaterOrEqual, 10m, "%"), (score.Code!.Code, score.Comparator!.Value, score.Value!.Value, score.Unit!));
    }

    [Fact]
    public void ParseItem_ScoresWithoutLoinc_UseTheFhirTrialsCodeSystem()
    {
        var score = Assert.Single(Parse.Item("PASI > 7", CriterionKind.Score));

        Assert.Equal("https://fhirtrials.org/fhir/CodeSystem/eligibility", score.Code!.System);
    }

    [Theory]
    [InlineData("PASI 75 response at week 16")]
    [InlineData("IIEF-15 questionnaire completed")]
    [InlineData("International Index of Erectile Function 6 (IIEF-EF) completed")]
    [InlineData("ECOG 7")]
    public void ParseItem_InstrumentNamesAndImplausibleValues_ReadNoScore(string text) =>
        Assert.Empty(Parse.Item(text, CriterionKind.Score));
}
