using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using FhirTrials.Fhir.Model;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>
/// The seed trials of examples/records mapped by TrialBundleMapper, against patients designed to be eligible,
/// ineligible on one criterion, and incomplete. Every seed trial keeps some criteria as text, so an eligible
/// patient comes out "needs review" with nothing against eligibility and only text or at-enrolment criteria open.
/// </summary>
public sealed class SeedTrialMatchingTests
{
    private const string Psoriasis = "NCT03765957";
    private const string Lupus = "NCT01741857";
    private const string Arthritis = "NCT03798028";

    public static TheoryData<string, string, string[]> EligiblePatients => new()
    {
        { Psoriasis, "psoriasis-eligible", ["exclusion/4"] },
        { Lupus, "lupus-eligible", ["inclusion/3", "inclusion/3/1", "inclusion/5", "exclusion/3", "exclusion/4"] },
        {
            Arthritis, "ra-eligible",
            // text-only items, therapies named in long phrases the therapy table cannot know, and tuberculosis (needs a test the record lacks)
            ["inclusion/1", "inclusion/6", "inclusion/7", "exclusion/1", "exclusion/2", "exclusion/3", "exclusion/4", "exclusion/5", "exclusion/7", "exclusion/10",
             "exclusion/14", "exclusion/17", "exclusion/18", "exclusion/19", "exclusion/20", "exclusion/21"]
        },
    };

    [Theory]
    [MemberData(nameof(EligiblePatients))]
    public void Match_EligiblePatient_HasNothingAgainst_AndOnlyTheExpectedItemsOpen(string trial, string patient, string[] openItems)
    {
        var result = Match(SeedGroup(trial), patient);

        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
        Assert.DoesNotContain(result.Criteria, c => c.SupportsEligibility == false && c.AlternativesOf is null);
        var open = result.Criteria.Where(c => c.Outcome == CriterionOutcome.Unknown && c.Reason != UnknownReason.AtEnrolment && c.AlternativesOf is null);
        Assert.Equal(openItems, open.Select(c => c.ItemId!).Distinct());
    }

    [Fact]
    public void Match_PsoriasisEligible_DecidesEveryStructuredCriterionFromTheRecord()
    {
        var result = Match(SeedGroup(Psoriasis), "psoriasis-eligible");

        string Outcome(string itemId, string code) => Wire.Code(result.Criteria.Single(c => c.ItemId == itemId && c.Description.Contains(code, StringComparison.Ordinal)).Outcome);
        Assert.Equal("met", Outcome("inclusion/2", "Body mass index"));
        Assert.Equal("met", Outcome("inclusion/3", "Psoriasis (for more than 6 months)"));
        Assert.Equal("met", Outcome("inclusion/4", "stem cell therapy"));
        Assert.Equal("not-met", Outcome("exclusion/1", "Leukocytes"));
        Assert.Equal("not-met", Outcome("exclusion/1", "Hemoglobin"));
        Assert.Equal("not-met", Outcome("exclusion/1", "Creatinine"));
        Assert.Equal("not-met", Outcome("exclusion/1", "Human immunodeficiency virus"));
        Assert.Equal("not-met", Outcome("exclusion/3", "systemic therapy"));
        Assert.Equal("not-met", Outcome("exclusion/5", "pregnant"));
        Assert.Equal("not-met", Outcome("exclusion/5", "Participation"));
        var hemoglobin = result.Criteria.Single(c => c.Description.StartsWith("Hemoglobin", StringComparison.Ordinal)).Evidence[0];
        Assert.Equal("14.5 g/dL = 145 g/L (×10)", hemoglobin.Conversion);
        var creatinine = result.Criteria.Single(c => c.Description.StartsWith("Creatinine", StringComparison.Ordinal)).Evidence[0];
        Assert.Equal(("Observation/creatinine", "× ULN"), (creatinine.Reference, creatinine.Compared!.Unit));
    }

    public static TheoryData<string, string, string, string> IneligiblePatients => new()
    {
        { Psoriasis, "psoriasis-ineligible-hemoglobin", "exclusion/1", "Hemoglobin" },
        { Lupus, "lupus-ineligible-alt", "exclusion/1", "Alanine aminotransferase" },
        { Arthritis, "ra-ineligible-biologic", "exclusion/15", "biological agents" },
    };

    [Theory]
    [MemberData(nameof(IneligiblePatients))]
    public void Match_PatientFailingOneCriterion_IsIneligibleOnThatCriterionOnly(string trial, string patient, string itemId, string description)
    {
        var result = Match(SeedGroup(trial), patient);

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        var against = Assert.Single(result.Criteria, c => c.SupportsEligibility == false && c.AlternativesOf is null);
        Assert.Equal(itemId, against.ItemId);
        Assert.StartsWith(description, against.Description, StringComparison.Ordinal);
        Assert.NotEmpty(against.Evidence[0].Reference!);
    }

    [Fact]
    public void Match_ArthritisActivityAlternativesAllBelowThreshold_IsIneligible()
    {
        var result = Match(SeedGroup(Arthritis), "ra-ineligible-activity");

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        var alternatives = result.Criteria.Where(c => c.AlternativesOf == "inclusion/4").ToList();
        Assert.Equal(3, alternatives.Count);
        Assert.All(alternatives, c => Assert.Equal(CriterionOutcome.NotMet, c.Outcome));
        Assert.All(result.Messages, m => Assert.StartsWith("ineligible: [inclusion/4]", m, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_ArthritisHemoglobinOrLungDisease_IsMetByTheHemoglobinAlone()
    {
        var result = Match(SeedGroup(Arthritis), "ra-eligible");

        var alternatives = result.Criteria.Where(c => c.AlternativesOf == "inclusion/5").ToList();
        Assert.Equal([CriterionOutcome.Met, CriterionOutcome.NotMet], alternatives.Select(c => c.Outcome));
        Assert.Equal("8.5 g/dL = 85 g/L (×10)", alternatives[0].Evidence[0].Conversion);
    }

    public static TheoryData<string, string, string[]> IncompletePatients => new()
    {
        { Psoriasis, "psoriasis-incomplete", ["inclusion/3", "exclusion/1", "exclusion/5"] },
        { Lupus, "lupus-incomplete", ["inclusion/1", "inclusion/2", "exclusion/1", "exclusion/5"] },
        { Arthritis, "ra-incomplete", ["inclusion/4", "inclusion/5", "exclusion/8", "exclusion/13"] },
    };

    [Theory]
    [MemberData(nameof(IncompletePatients))]
    public void Match_IncompletePatient_NeedsReview_WithMissingDataOnTheStructuredItems(string trial, string patient, string[] someMissing)
    {
        var result = Match(SeedGroup(trial), patient);

        Assert.Equal(StudyOutcome.NeedsReview, result.Outcome);
        var missing = result.Criteria.Where(c => c.Reason == UnknownReason.MissingData).Select(c => c.ItemId).ToHashSet();
        Assert.All(someMissing, item => Assert.Contains(item, missing));
        Assert.All(result.Criteria.Where(c => c.Reason == UnknownReason.MissingData), c => Assert.NotEmpty(c.Messages));
    }

    /// <summary>Changes to psoriasis-eligible that each break exactly one criterion of NCT03765957.</summary>
    public static TheoryData<string, string, string> PsoriasisFailures => new()
    {
        { "hemoglobin", "exclusion/1", "Hemoglobin" },
        { "platelets", "exclusion/1", "Platelets" },
        { "wbc", "exclusion/1", "Leukocytes" },
        { "creatinine", "exclusion/1", "Creatinine" },
        { "alt", "exclusion/1", "Alanine aminotransferase" },
        { "hiv", "exclusion/1", "Human immunodeficiency virus" },
        { "bmi", "inclusion/2", "Body mass index" },
        { "pasi", "inclusion/3", "Psoriasis Area and Severity Index" },
        { "psoriasis", "inclusion/3", "Psoriasis (for more than 6 months)" },
        { "stem-cells", "inclusion/4", "stem cell therapy" },
        { "methotrexate", "exclusion/3", "systemic therapy" },
        { "earlier-trial", "exclusion/5", "Participation" },
    };

    [Theory]
    [MemberData(nameof(PsoriasisFailures))]
    public void Match_PsoriasisPatientChangedOnOneResource_IsIneligibleOnThatCriterion(string resourceId, string itemId, string description)
    {
        var bundle = Patient("psoriasis-eligible");
        Break(bundle.Entry.Single(e => e.Resource!.Id == resourceId).Resource!);

        var result = Match(SeedGroup(Psoriasis), bundle);

        Assert.Equal(StudyOutcome.Ineligible, result.Outcome);
        var against = Assert.Single(result.Criteria, c => c.SupportsEligibility == false);
        Assert.Equal(itemId, against.ItemId);
        Assert.StartsWith(description, against.Description, StringComparison.Ordinal);
        Assert.Contains(against.Evidence, e => e.Reference?.EndsWith("/" + resourceId, StringComparison.Ordinal) == true);
    }

    private static void Break(Resource resource)
    {
        switch (resource)
        {
            case Observation { Id: "hemoglobin" } o: Quantity(o).Value = 9.2m; break;
            case Observation { Id: "platelets" } o: Quantity(o).Value = 80; break;
            case Observation { Id: "wbc" } o: Quantity(o).Value = 3.1m; break;
            case Observation { Id: "creatinine" } o: Quantity(o).Value = 180; break;
            case Observation { Id: "alt" } o: Quantity(o).Value = 100; break;
            case Observation { Id: "bmi" } o: Quantity(o).Value = 36.4m; break;
            case Observation { Id: "pasi" } o: Quantity(o).Value = 9; break;
            case Observation { Id: "hiv" } o:
                o.Value = new CodeableConcept { Coding = [new Coding { System = "http://snomed.info/sct", Code = "10828004" }] };
                break;
            case Condition c: c.Onset = new FhirDateTime("2025-02-01"); break;
            case Procedure p: p.Performed = new FhirDateTime("2024-06-01"); break;
            case MedicationStatement m: m.Effective = new Period { Start = "2025-01-01", End = "2025-06-01" }; break;
            case ResearchSubject r: r.Period = new Period { Start = "2025-01-01", End = "2025-05-01" }; break;
            default: throw new ArgumentException("no change defined for " + resource.Id, nameof(resource));
        }
    }

    private static Fhir.Model.Quantity Quantity(Observation observation) => (Fhir.Model.Quantity)observation.Value!;
}
