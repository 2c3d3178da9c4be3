using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using FhirTrials.Fhir.Model;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>Conditions and states: Condition codes, known descendants, tests and status observations, absence.</summary>
public sealed class ConditionMatchingTests
{
    private const string Pregnant = "77386006";
    private const string Breastfeeding = "169750002";
    private const string Hiv = "86406008";
    private const string HepatitisB = "66071002";
    private const string HepatitisC = "50711007";
    private const string Syphilis = "76272004";
    private const string Malignancy = "363346000";

    private static CriterionResult One(string snomed, string patient, bool exclude = true, MatchOptions? options = null) =>
        Assert.Single(EligibilityMatcher.Default.Match(new GroupBuilder().Condition("exclusion/1", snomed, "condition", exclude).Build(), Patient(patient), options ?? Options).Criteria);

    private static CriterionResult One(string snomed, Bundle patient) =>
        Assert.Single(Match(new GroupBuilder().Condition("exclusion/1", snomed, "condition", exclude: true).Build(), patient).Criteria);

    [Fact]
    public void Match_PregnancyStatusNotPregnant_IsNotMet()
    {
        var result = One(Pregnant, "labs-female");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Equal(("Observation/pregnancy-status", "Observation.valueCodeableConcept"), (evidence.Reference, evidence.Element));
    }

    [Fact]
    public void Match_BreastfeedingStatus_IsMet()
    {
        var result = One(Breastfeeding, "labs-female");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal("Observation/breastfeeding", Assert.Single(result.Evidence).Reference);
    }

    [Theory]
    [InlineData(Pregnant)]
    [InlineData(Breastfeeding)]
    public void Match_PregnancyOrLactation_ForAMalePatient_IsNotMetByGender(string code)
    {
        var result = One(code, "minimal-male");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.Equal(("Patient/minimal-male", "Patient.gender", "male"), (result.Evidence[0].Reference, result.Evidence[0].Element, result.Evidence[0].Value));
    }

    [Fact]
    public void Match_PregnancyWithoutTestOrCondition_IsUnknown()
    {
        var result = One(Pregnant, "therapies-rxnorm");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
    }

    [Fact]
    public void Match_PregnancyStatusOlderThanThirtyDays_DecidesNothing()
    {
        var bundle = Patient("labs-female");
        var status = bundle.Entry.Select(e => e.Resource).OfType<Observation>().Single(o => o.Id == "pregnancy-status");
        status.Effective = new FhirDateTime("2025-01-10");

        var result = One(Pregnant, bundle);

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
        Assert.Contains("older than 30 days", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ObservationCodedWithTheSnomedState_IsRead()
    {
        var bundle = Patient("therapies-rxnorm");
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = "urn:uuid:pregnant-observation",
            Resource = new Observation
            {
                Id = "pregnant",
                Status = ObservationStatus.Final,
                Code = new CodeableConcept { Coding = [new Coding { System = "http://snomed.info/sct", Code = Pregnant }] },
                Effective = new FhirDateTime("2025-06-12"),
                Value = new FhirBoolean(true),
            },
        });

        var result = One(Pregnant, bundle);

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal(("Observation/pregnant", "urn:uuid:pregnant-observation", "Observation.valueBoolean"), (result.Evidence[0].Reference, result.Evidence[0].FullUrl, result.Evidence[0].Element));
    }

    [Fact]
    public void Match_ResolvedPregnancyCondition_IsNotMet()
    {
        var result = One(Pregnant, "history");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.Contains(result.Evidence, e => e.Reference == "Condition/pregnancy");
        Assert.Contains("recorded as resolved: the state is over", result.Messages);
    }

    [Theory]
    [InlineData(Hiv, CriterionOutcome.NotMet, "Observation/hiv")]
    [InlineData(HepatitisB, CriterionOutcome.Met, "Observation/hbsag")]
    [InlineData(HepatitisC, CriterionOutcome.Unknown, "Observation/hcv")]
    public void Match_Infection_ReadsTheMostRecentTestResult(string code, CriterionOutcome expected, string reference)
    {
        var result = One(code, "labs-female");

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(reference, result.Evidence[0].Reference);
        Assert.Equal(expected == CriterionOutcome.Unknown ? UnknownReason.Undetermined : UnknownReason.None, result.Reason);
    }

    [Fact]
    public void Match_InfectionWithoutTestOrCondition_IsUnknown_NotAbsent()
    {
        var result = One(Syphilis, "labs-female");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
        Assert.Contains("no Condition or test result", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_RefutedCondition_IsNotMet()
    {
        var result = One(Hiv, "history");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        Assert.Equal("Condition/hiv", result.Evidence[0].Reference);
    }

    [Fact]
    public void Match_UnconfirmedCondition_IsUnknown()
    {
        var result = One(HepatitisC, "conditions");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Undetermined), (result.Outcome, result.Reason));
        Assert.Equal("the Condition's verification status is unconfirmed", result.Messages[0]);
    }

    [Fact]
    public void Match_SameCode_IsMet()
    {
        var result = One("9014002", "labs-female", exclude: false);

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal(("Condition/psoriasis", "urn:uuid:labs-female-condition-psoriasis"), (result.Evidence[0].Reference, result.Evidence[0].FullUrl));
    }

    [Fact]
    public void Match_KnownDescendant_IsMet()
    {
        var result = One("73211009", "conditions");

        Assert.Equal(CriterionOutcome.Met, result.Outcome);
        Assert.Equal("Condition/diabetes", result.Evidence[0].Reference);
        Assert.Contains(result.Messages, m => m.Contains("is a kind of 73211009", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_PossibleDescendant_IsUnknownForTerminology()
    {
        var result = One("85828009", "conditions");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Terminology), (result.Outcome, result.Reason));
        Assert.Equal("Condition/ra", result.Evidence[0].Reference);
    }

    [Fact]
    public void Match_RecordWithCodesOutsideTheTables_IsUnknownForTerminology_AndNamesThem()
    {
        var result = One(Malignancy, "conditions");

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Terminology), (result.Outcome, result.Reason));
        Assert.Equal(["Condition/breast-cancer", "Condition/tb"], result.Evidence.Select(e => e.Reference));
        Assert.Contains("needs a terminology server", result.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Match_ConditionSaysNo_ButOtherCodesAreOutsideTheTables_IsUnknown()
    {
        var bundle = Patient("conditions");
        var refuted = Patient("history").Entry.Single(e => e.Resource!.Id == "hiv");
        ((Condition)refuted.Resource!).Subject = new Reference { ReferenceValue = "Patient/conditions" };
        bundle.Entry.Add(refuted);

        var result = One(Hiv, bundle);

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.Terminology), (result.Outcome, result.Reason));
        Assert.Equal(["Condition/hiv", "Condition/breast-cancer", "Condition/tb"], result.Evidence.Select(e => e.Reference));
    }

    [Fact]
    public void Match_DiseaseMissingFromARecordOfKnownCodes_IsNotMet()
    {
        var result = One(Malignancy, "labs-female");

        Assert.Equal(CriterionOutcome.NotMet, result.Outcome);
        var evidence = Assert.Single(result.Evidence);
        Assert.Null(evidence.Reference);
        Assert.Contains("no Condition coded SNOMED 363346000", evidence.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_DiseaseMissing_WithClosedWorldOff_IsUnknown()
    {
        var result = One(Malignancy, "labs-female", options: Options with { AbsentConditionIsNotMet = false });

        Assert.Equal((CriterionOutcome.Unknown, UnknownReason.MissingData), (result.Outcome, result.Reason));
    }
}
