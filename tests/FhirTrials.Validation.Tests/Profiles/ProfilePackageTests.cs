using FhirTrials.Testing;

namespace FhirTrials.Validation.Tests.Profiles;

/// <summary>
/// The FhirTrials profiles package (profiles/): every StructureDefinition builds its snapshot without
/// issues, every resource of the package validates clean, and each example instance (profiles/examples)
/// validates without errors against the profile it claims; its only warnings are the documented
/// extensible-binding ones (FhirTrials codes where an R4 value set is extensible, e.g. Identifier.type).
/// </summary>
public sealed class ProfilePackageTests
{
    private static string ProfilesFolder => Path.Combine(TestPaths.RepoRoot, "profiles");

    public static TheoryData<string> StructureDefinitions() =>
        [.. FhirTrialsProfiles.Package.Resources.Where(r => r.ResourceType == "StructureDefinition").Select(r => r.Url!)];

    public static TheoryData<string> PackageFiles() =>
        [.. Directory.GetFiles(ProfilesFolder, "*.json").Select(Path.GetFileName).Where(n => n != "package.json").OfType<string>()];

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(Path.Combine(ProfilesFolder, "examples"), "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(StructureDefinitions))]
    public void ProfileIssues_EveryDefinition_SnapshotWithoutIssues(string canonical)
    {
        var issues = FhirValidator.Default.ProfileIssues(canonical);
        Assert.True(issues.Count == 0, string.Join(Environment.NewLine, issues));
    }

    [Theory]
    [MemberData(nameof(PackageFiles))]
    public void ValidateJson_PackageResource_NoErrorsOrWarnings(string fileName)
    {
        var result = FhirValidator.Default.ValidateJson(File.ReadAllBytes(Path.Combine(ProfilesFolder, fileName)), fileName);
        Assert.True(result.ErrorCount == 0 && result.WarningCount == 0, string.Join(Environment.NewLine, result.Issues));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ValidateJson_Example_ValidAgainstItsProfile(string fileName)
    {
        var result = FhirValidator.Default.ValidateJson(File.ReadAllBytes(Path.Combine(ProfilesFolder, "examples", fileName)), fileName);
        var unexpected = result.Issues.Where(i => i.IsError || (i.Severity == Fhir.Model.IssueSeverity.Warning && i.RuleId != "binding-extensible")).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }

    [Fact]
    public void Package_Manifest_IsTheFhirTrialsPackage()
    {
        var manifest = FhirTrialsProfiles.Package.Manifest;
        Assert.Equal("fhirtrials.profiles", manifest.Name);
        Assert.Equal(FhirTrialsProfiles.Canonical, manifest.Canonical);
        Assert.Equal("4.0.1", manifest.Dependencies["hl7.fhir.r4.core"]);
        Assert.Contains(FhirTrialsProfiles.Package.Resources, r => r.Url == FhirTrialsProfiles.StructureDefinition("FhirTrialsResearchStudy"));
    }
}
