using FhirTrials.Eligibility.Matching;
using FhirTrials.Eligibility.Tests.Support;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Eligibility.Tests.Matching.Support;

/// <summary>Patient Bundles of Matching/Patients, the seed trials mapped to Groups, and the evaluation date every test uses.</summary>
internal static class MatchFixtures
{
    /// <summary>The evaluation date of the fixtures (their dates are written relative to it).</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 9, 30, 0, TimeSpan.Zero);

    public static MatchOptions Options { get; } = new() { TimeProvider = new FixedTimeProvider(Now) };

    public static string PatientsFolder => Path.Combine(RepositoryPaths.Root, "tests", "FhirTrials.Eligibility.Tests", "Matching", "Patients");

    public static Bundle Patient(string name) =>
        FhirJsonParser.Parse<Bundle>(File.ReadAllBytes(Path.Combine(PatientsFolder, name + ".json")), name + ".json");

    /// <summary>The trial record of examples/records mapped by <see cref="TrialBundleMapper"/>, and its eligibility Group.</summary>
    public static Group SeedGroup(string registryId) =>
        StudyBundles.FindEligibilityGroup(TrialBundleMapper.Default.Map(TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.Root, "examples", "records", registryId + ".json"))));

    public static MatchResult Match(Group group, string patient) => EligibilityMatcher.Default.Match(group, Patient(patient), Options);

    public static MatchResult Match(Group group, Bundle patient) => EligibilityMatcher.Default.Match(group, patient, Options);
}
