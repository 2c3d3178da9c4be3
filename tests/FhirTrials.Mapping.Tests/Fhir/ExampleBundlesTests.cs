using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Fhir;

/// <summary>
/// examples/bundles holds the Bundles of examples/records exactly as the mapper writes them now
/// (regenerate with <c>fhirtrials map examples/records --out examples/bundles</c>).
/// </summary>
public sealed class ExampleBundlesTests
{
    private static string BundleFolder => Path.Combine(RepositoryPaths.Root, "examples", "bundles");

    public static TheoryData<string> ExampleRecords =>
        [.. Directory.GetFiles(RepositoryPaths.ExampleRecords, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).OfType<string>()];

    [Theory]
    [MemberData(nameof(ExampleRecords))]
    public void ExampleBundle_IsWhatTheMapperWritesForItsRecord(string name)
    {
        var record = TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.ExampleRecords, name + ".json"));
        var path = Path.Combine(BundleFolder, BundleFiles.FileName(record.RegistryId));

        var expected = BundleFiles.ToFileBytes(TrialBundleMapper.Default.Map(record));

        Assert.True(File.Exists(path), $"{RepositoryPaths.Relative(path)} is missing; run fhirtrials map examples/records --out examples/bundles");
        Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(path)), $"{RepositoryPaths.Relative(path)} is out of date; run fhirtrials map examples/records --out examples/bundles");
    }

    [Fact]
    public void BundleFolder_HasNoBundleWithoutARecord()
    {
        var records = Directory.GetFiles(RepositoryPaths.ExampleRecords, "*.json").Select(Path.GetFileName);

        Assert.Equal(records.Order(StringComparer.Ordinal), Directory.GetFiles(BundleFolder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
