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
/// </summary>
public sealed class ProfileValidationTests
{
    private static FhirValidator Validator => FhirValidator.Default;

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
            var errors = Validator.Validate(bundle).Issues.Where(i => i.IsError).ToList();
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

    private static bool IsStudyTypeBinding(ValidationIssue issue) =>
        issue.RuleId == "binding-no-code" && issue.Expression?.EndsWith(".resource.category[0]", StringComparison.Ordinal) == true;
}
