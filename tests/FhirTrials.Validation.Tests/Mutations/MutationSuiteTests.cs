using FhirTrials.Fhir.Packages;
using Xunit.Abstractions;

namespace FhirTrials.Validation.Tests.Mutations;

/// <summary>
/// The mutation suite (mutations.json): each mutant of a real resource is reported with the right
/// severity, IssueType and expression, and its unbroken base does not have that issue; every check
/// kind has at least five mutants.
/// </summary>
public sealed class MutationSuiteTests(ITestOutputHelper output)
{
    private static readonly Lazy<FhirValidator> Validator = new(() =>
        new FhirValidator(new ValidatorSettings { Packages = [FhirPackage.Load(Path.Combine(MutationCase.Folder, "package"))] }));

    public static TheoryData<string> Mutants() => [.. MutationCase.All.Select(m => m.Name)];

    public static TheoryData<string> Bases() => [.. MutationCase.BaseNames];

    [Theory]
    [MemberData(nameof(Mutants))]
    public void ValidateJson_Mutant_ReportsTheBrokenRule(string name)
    {
        var mutant = MutationCase.All.Single(m => m.Name == name);
        var result = Validator.Value.ValidateJson(mutant.Mutant(), mutant.Name, mutant.Profile is null ? null : [mutant.Profile]);
        var hit = result.Issues.Any(i => i.Severity == mutant.Severity && i.Code == mutant.Code && i.Expression == mutant.Expression);
        Assert.True(hit, $"expected {mutant.Severity} {mutant.Code} at {mutant.Expression}; got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Issues)}");

        var (document, profile) = MutationCase.BuildBase(mutant.Base);
        var unbroken = Validator.Value.ValidateJson(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()), mutant.Base, mutant.Profile is null ? (profile is null ? null : [profile]) : [mutant.Profile]);
        Assert.DoesNotContain(unbroken.Issues, i => i.Severity == mutant.Severity && i.Code == mutant.Code && i.Expression == mutant.Expression);
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void ValidateJson_Base_HasNoErrors(string name)
    {
        var (document, profile) = MutationCase.BuildBase(name);
        var result = Validator.Value.ValidateJson(System.Text.Encoding.UTF8.GetBytes(document.ToJsonString()), name, profile is null ? null : [profile]);
        Assert.True(result.ErrorCount == 0, string.Join(Environment.NewLine, result.Issues));
    }

    [Fact]
    public void Suite_EveryCheckKind_HasAtLeastFiveMutants()
    {
        var kinds = MutationCase.All.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var (kind, count) in kinds.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{kind}: {count}");
        }

        output.WriteLine($"{MutationCase.All.Count} mutants");
        Assert.All(kinds, k => Assert.True(k.Value >= 5, $"{k.Key} has {k.Value} mutants"));
        Assert.Superset(
            new HashSet<string>(["structure", "cardinality", "fixed", "pattern", "max-length", "min-max-value", "binding", "codesystem", "slicing", "extension", "invariant", "reference", "bundle", "profile"], StringComparer.Ordinal),
            new HashSet<string>(kinds.Keys, StringComparer.Ordinal));
    }
}
