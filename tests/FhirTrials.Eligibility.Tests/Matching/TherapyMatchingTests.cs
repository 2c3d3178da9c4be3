using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>Therapies named in words: therapies.json phrases, ATC classes, exact codes, unclassifiable codes, absence.</summary>
public sealed class TherapyMatchingTests
{
    private static CriterionResult One(string words, string patient, bool exclude = true) =>
        Assert.Single(Match(new GroupBuilder().Therapy("exclusion/3", words, exclude).Build(), patient).Criteria);

    [Fact]
    public void Match_MedicationInAnAtcClass_IsMet_AndSaysWhichClass()
    {
        var result = One("immunosuppressive drugs", "therapies");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal("MedicationStatement/methotrexate", result.Evidence[0].Reference);
        Assert.Contains("ATC L04AX03 is in class L04 (immunosuppressive drugs)", result.Messages);
    }

    [Fact]
    public void Match_MedicationReference_IsResolvedInTheBundle()
    {
        var result = One("glucocorticoids", "therapies");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("MedicationStatement/prednisolone", "ATC H02AB06 prednisolone"), (evidence.Reference, evidence.Value));
    }

    [Fact]
    public void Match_ExactProcedureCode_IsMet_EvenWithUnclassifiableProcedures()
    {
        var result = One("stem cell therapy", "therapies", exclude: false);

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal(["Procedure/hsct"], result.Evidence.Select(e => e.Reference));
    }

    [Fact]
    public void Match_MedicationWithoutAtcCode_IsUnknownForTerminology()
    {
        var result = One("systemic therapy", "therapies-rxnorm");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Terminology), (result.Outcome, result.Reason));
        Assert.Equal("MedicationRequest/rx-only", result.Evidence[0].Reference);
        Assert.Contains("has no ATC code", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NoMedicationInTheClasses_IsNotMet()
    {
        var result = One("topical therapy", "therapies");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.Contains("none of the 5 medications and procedures of the record is topical therapy (ATC D05A, ATC D07)", result.Evidence[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_EmptyRecord_WithClosedWorldOff_IsUnknown()
    {
        var result = Assert.Single(EligibilityMatcher.Default.Match(
            new GroupBuilder().Therapy("exclusion/3", "systemic therapy", exclude: true).Build(), Patient("minimal-male"), Options with { AbsentConditionIsNotMet = false }).Criteria);

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
    }

    [Fact]
    public void Match_WordsNotInTheTherapyTable_AreUnknownForTerminology()
    {
        var result = One("traditional Chinese medicine", "therapies");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Terminology), (result.Outcome, result.Reason));
        Assert.Contains("'traditional Chinese medicine' is not in the matcher's therapy table", result.Messages[0], StringComparison.Ordinal);
    }
}
