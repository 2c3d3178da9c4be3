using System.Text;
using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Matching.Support;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using static FhirTrials.Eligibility.Tests.Matching.Support.MatchFixtures;

namespace FhirTrials.Eligibility.Tests.Matching;

/// <summary>The entry points: typed model and element trees, finding the Group in a study Bundle, bundles without a Patient.</summary>
public sealed class MatcherInputTests
{
    [Fact]
    public void Match_ElementTrees_GiveTheSameResultAsTheTypedModel()
    {
        var group = SeedGroup("NCT01741857");
        var patient = Path.Combine(PatientsFolder, "lupus-eligible.json");
        var groupNode = FhirJsonParser.ParseNode(Encoding.UTF8.GetBytes(FhirJsonSerializer.Serialize(group)), "group.json");
        var patientNode = FhirJsonParser.ParseNode(File.ReadAllBytes(patient), patient);

        var fromTrees = EligibilityMatcher.Default.Match(groupNode, patientNode, Options);
        var typed = Match(group, "lupus-eligible");

        Assert.Equal(
            FhirJsonSerializer.Serialize(typed.ToParameters()),
            FhirJsonSerializer.Serialize(fromTrees.ToParameters()));
    }

    [Fact]
    public void Match_ElementTreeOfAnotherType_IsRejected()
    {
        var node = FhirJsonParser.ParseNode(File.ReadAllBytes(Path.Combine(PatientsFolder, "minimal-male.json")), "minimal-male.json");

        var exception = Assert.Throws<ArgumentException>(() => EligibilityMatcher.Default.Match(node, node, Options));
        Assert.Contains("expected a Group, found a Bundle", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindEligibilityGroup_FollowsResearchStudyEnrollment()
    {
        var bundle = TrialBundleMapper.Default.Map(TrialRecordReader.ReadFile(Path.Combine(Tests.Support.RepositoryPaths.Root, "examples", "records", "NCT03798028.json")));
        var decoy = new Group { Id = "decoy" };
        bundle.Entry.Insert(0, new Bundle.EntryComponent { FullUrl = "urn:uuid:decoy", Resource = decoy });

        var group = StudyBundles.FindEligibilityGroup(bundle);

        Assert.Equal("nct03798028-eligibility", group.Id);
    }

    [Fact]
    public void FindEligibilityGroup_WithoutGroup_SaysSo()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => StudyBundles.FindEligibilityGroup(new Bundle()));

        Assert.Equal("the study Bundle has no Group (eligibility criteria)", exception.Message);
    }

    [Fact]
    public void Match_BundleWithoutPatient_LeavesAgeUnknownAndSaysWhy()
    {
        var result = Match(new GroupBuilder().RecordAge(18, 65).Build(), new Bundle { Type = BundleType.Collection });

        Assert.Equal(UnknownReason.MissingData, Assert.Single(result.Criteria).Reason);
        Assert.Contains("the patient Bundle has no Patient: age and sex are unknown", result.Messages);
        Assert.Null(result.Patient);
    }
}
