using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>The inputs of the mapping benchmarks: the 943 full CT.gov records of tests/fixtures/ctgov-v2, imported once.</summary>
public static class MappingCorpus
{
    public static IReadOnlyList<TrialRecord> Records() => [.. Files().SelectMany(f => CtGovImporter.ImportFile(f))];

    /// <summary>The study files, in name order.</summary>
    public static IReadOnlyList<string> Files() => [.. Directory.GetFiles(TestPaths.Fixture("ctgov-v2"), "*.json").Order(StringComparer.Ordinal)];

    /// <summary>The same records without criteria text, to measure the mapping apart from the criteria parser.</summary>
    public static IReadOnlyList<TrialRecord> WithoutCriteria(IReadOnlyList<TrialRecord> records) =>
        [.. records.Select(r => r with { Eligibility = r.Eligibility is null ? null : r.Eligibility with { Criteria = null } })];
}
