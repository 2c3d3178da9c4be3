using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Matching;

namespace FhirTrials.Server.Tests.Matching;

/// <summary>The server's own criteria: age ranges (UCUM a, mo, wk, d; inclusive bounds) and sex, with exclusions and unknowns.</summary>
public sealed class BasicStudyMatcherTests
{
    private static readonly FakeClock Today = new(new DateTimeOffset(2025, 6, 15, 12, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("1990-06-15", 18, 65, "a", CriterionOutcome.Met)]
    [InlineData("2007-06-15", 18, 65, "a", CriterionOutcome.Met)]
    [InlineData("2007-06-16", 18, 65, "a", CriterionOutcome.NotMet)]
    [InlineData("1959-06-16", 18, 65, "a", CriterionOutcome.Met)]
    [InlineData("1959-06-15", 18, 65, "a", CriterionOutcome.NotMet)]
    [InlineData("2025-01-10", 3, 12, "mo", CriterionOutcome.Met)]
    [InlineData("2025-05-20", 1, 8, "wk", CriterionOutcome.Met)]
    [InlineData("2025-06-01", 0, 28, "d", CriterionOutcome.Met)]
    [InlineData("2025-05-01", 0, 28, "d", CriterionOutcome.NotMet)]
    [InlineData("1980", 18, 65, "a", CriterionOutcome.Met)]
    [InlineData(null, 18, 65, "a", CriterionOutcome.Unknown)]
    [InlineData("1990-01-01", 18, 65, "min", CriterionOutcome.Unknown)]
    public void Age_Range_ComparesCompletedUnits(string? birthDate, int low, int high, string unit, CriterionOutcome expected)
    {
        var group = Group(AgeCharacteristic(low, high, unit, exclude: false));

        var match = new BasicStudyMatcher(Today).Match(group, Patient(birthDate, "female"));

        Assert.Equal(expected, Assert.Single(match.Criteria).Outcome);
    }

    [Theory]
    [InlineData("female", "female", false, CriterionOutcome.Met)]
    [InlineData("male", "female", false, CriterionOutcome.NotMet)]
    [InlineData("male", "female", true, CriterionOutcome.Met)]
    [InlineData("female", "female", true, CriterionOutcome.NotMet)]
    [InlineData(null, "female", false, CriterionOutcome.Unknown)]
    public void Sex_MatchesAdministrativeGender_ExcludeInverts(string? gender, string wanted, bool exclude, CriterionOutcome expected)
    {
        var group = Group(SexCharacteristic(wanted, exclude));

        var match = new BasicStudyMatcher(Today).Match(group, Patient("1980-01-01", gender));

        Assert.Equal(expected, Assert.Single(match.Criteria).Outcome);
    }

    [Fact]
    public void Verdict_CombinesCriteria()
    {
        var other = """{"code":{"coding":[{"system":"http://snomed.info/sct","code":"254837009"}]},"valueBoolean":true,"exclude":false}""";
        var eligible = new BasicStudyMatcher(Today).Match(Group(AgeCharacteristic(18, 99, "a", false), SexCharacteristic("female", false)), Patient("1980-01-01", "female"));
        var review = new BasicStudyMatcher(Today).Match(Group(AgeCharacteristic(18, 99, "a", false), other), Patient("1980-01-01", "female"));
        var ineligible = new BasicStudyMatcher(Today).Match(Group(SexCharacteristic("male", false), other), Patient("1980-01-01", "female"));

        Assert.Equal(MatchVerdict.Eligible, eligible.Verdict);
        Assert.Equal(1m, eligible.Score);
        Assert.Equal(MatchVerdict.NeedsReview, review.Verdict);
        Assert.Equal(0.5m, review.Score);
        Assert.Equal(CriterionOutcome.Unknown, review.Criteria[1].Outcome);
        Assert.Equal(MatchVerdict.Ineligible, ineligible.Verdict);
        Assert.Equal(0m, ineligible.Score);
    }

    internal static string AgeCharacteristic(int low, int high, string unit, bool exclude) =>
        $$$"""{"code":{"coding":[{"system":"http://snomed.info/sct","code":"397669002","display":"Age"}]},"valueRange":{"low":{"value":{{{low}}},"system":"http://unitsofmeasure.org","code":"{{{unit}}}"},"high":{"value":{{{high}}},"system":"http://unitsofmeasure.org","code":"{{{unit}}}"}},"exclude":{{{(exclude ? "true" : "false")}}}}""";

    internal static string SexCharacteristic(string gender, bool exclude) =>
        $$$"""{"code":{"coding":[{"system":"http://snomed.info/sct","code":"263495000","display":"Gender"}]},"valueCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/administrative-gender","code":"{{{gender}}}"}]},"exclude":{{{(exclude ? "true" : "false")}}}}""";

    private static Fhir.ElementModel.ElementNode Group(params string[] characteristics) =>
        FhirJsonParser.ParseNode(System.Text.Encoding.UTF8.GetBytes($$"""{"resourceType":"Group","type":"person","actual":false,"characteristic":[{{string.Join(",", characteristics)}}]}"""));

    private static Fhir.ElementModel.ElementNode Patient(string? birthDate, string? gender)
    {
        var fields = (birthDate is null ? string.Empty : $",\"birthDate\":\"{birthDate}\"") + (gender is null ? string.Empty : $",\"gender\":\"{gender}\"");
        return FhirJsonParser.ParseNode(System.Text.Encoding.UTF8.GetBytes($$$"""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient"{{{fields}}}}}]}"""));
    }

    private sealed class FakeClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
