using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.Fhir.Support;

/// <summary>The records the FHIR mapping is proven on: the example records and every CT.gov fixture, loaded once.</summary>
internal static class MappingCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<(string Source, TrialRecord Record)>>> Loaded = new(Load);

    public static TheoryData<string> Names => new() { "examples", "ctgov-v2", "ctgov-v2-partial" };

    /// <summary>The records of one corpus with the file each came from (repository-relative).</summary>
    public static IReadOnlyList<(string Source, TrialRecord Record)> Records(string name) => Loaded.Value[name];

    public static TrialRecord Example(string registryId) =>
        TrialRecordReader.ReadFile(Path.Combine(RepositoryPaths.ExampleRecords, registryId + ".json"));

    private static IReadOnlyDictionary<string, IReadOnlyList<(string, TrialRecord)>> Load() => new Dictionary<string, IReadOnlyList<(string, TrialRecord)>>
    {
        ["examples"] = Files(RepositoryPaths.ExampleRecords).Select(f => (RepositoryPaths.Relative(f), TrialRecordReader.ReadFile(f))).ToList(),
        ["ctgov-v2"] = Files(RepositoryPaths.CtGovFull).Select(f => (RepositoryPaths.Relative(f), CtGovImporter.ImportFile(f).Single())).ToList(),
        ["ctgov-v2-partial"] = Files(RepositoryPaths.CtGovPartial).Select(f => (RepositoryPaths.Relative(f), CtGovImporter.ImportFile(f).Single())).ToList(),
    };

    private static IEnumerable<string> Files(string folder) => Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal);
}
