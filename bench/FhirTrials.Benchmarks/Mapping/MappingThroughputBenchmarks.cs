using BenchmarkDotNet.Attributes;
using FhirTrials.Eligibility;
using FhirTrials.Eligibility.Model;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>
/// Map + serialize throughput over the 943 CT.gov records (each operation maps the whole corpus once;
/// records/s = 943 / mean): the full Bundle, the Bundle without the criteria parser, the criteria parser
/// alone, and the reverse mapping.
/// </summary>
[MemoryDiagnoser]
public class MappingThroughputBenchmarks
{
    private IReadOnlyList<TrialRecord> _records = [];
    private IReadOnlyList<TrialRecord> _withoutCriteria = [];
    private IReadOnlyList<Bundle> _bundles = [];

    [GlobalSetup]
    public void Setup()
    {
        _records = MappingCorpus.Records();
        _withoutCriteria = MappingCorpus.WithoutCriteria(_records);
        _bundles = [.. _records.Select(r => FhirJsonParser.Parse<Bundle>(TrialBundleMapper.Default.MapToJson(r)))];
        Console.WriteLine($"// {_records.Count} records");
    }

    [Benchmark(Baseline = true, Description = "Full Bundle: map + serialize")]
    public long MapAndSerialize() => _records.Sum(r => (long)TrialBundleMapper.Default.MapToJson(r).Length);

    [Benchmark(Description = "Bundle without criteria parsing: map + serialize")]
    public long MapAndSerializeWithoutCriteria() => _withoutCriteria.Sum(r => (long)TrialBundleMapper.Default.MapToJson(r).Length);

    [Benchmark(Description = "Criteria parser alone")]
    public long ParseCriteria() => _records.Sum(r => r.Eligibility?.Criteria is { } criteria
        ? (long)EligibilityCriteriaParser.Parse(criteria, new EligibilityContext(r.Eligibility.MinimumAge?.Text, r.Eligibility.MaximumAge?.Text, null)).Items.Count
        : 0);

    [Benchmark(Description = "Reverse: Bundle → record")]
    public int Reverse() => _bundles.Sum(b => TrialRecordReverseMapper.Default.Reverse(b).Locations?.Count ?? 0);
}
