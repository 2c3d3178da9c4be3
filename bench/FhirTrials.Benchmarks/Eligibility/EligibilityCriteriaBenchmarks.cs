using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FhirTrials.Eligibility;
using FhirTrials.Eligibility.Extraction;
using FhirTrials.Eligibility.Model;
using FhirTrials.Eligibility.Splitting;
using FhirTrials.Eligibility.Terminology;

namespace FhirTrials.Benchmarks.Eligibility;

/// <summary>
/// Throughput of the eligibility criteria parser over every record of tests/fixtures/ctgov-v2 (one operation = the
/// whole corpus). Run: dotnet run -c Release --project bench/FhirTrials.Benchmarks -- --filter '*Criteria*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class EligibilityCriteriaBenchmarks
{
    private string[] _texts = [];
    private (string Text, CriteriaSection Section, string? Heading, int Depth)[] _items = [];

    [GlobalSetup]
    public void Setup()
    {
        _texts = CriteriaCorpus.Instance.Texts;
        _items = _texts.SelectMany(t => EligibilityCriteriaParser.Parse(t).Items)
            .Select(i => (i.Text, i.Section, i.Heading, i.Depth))
            .ToArray();
        _ = Lexicon.Default;
    }

    /// <summary>Split and read every record: the full parser.</summary>
    [Benchmark(Baseline = true)]
    public int ParseAllRecords()
    {
        var items = 0;
        foreach (var text in _texts)
        {
            items += EligibilityCriteriaParser.Parse(text).Items.Count;
        }

        return items;
    }

    /// <summary>Only the splitting of texts into items.</summary>
    [Benchmark]
    public int SplitAllRecords()
    {
        var entries = 0;
        foreach (var text in _texts)
        {
            entries += CriteriaSplitter.Split(text).Outline.Count;
        }

        return entries;
    }

    /// <summary>Only the reading of criteria from the already split items.</summary>
    [Benchmark]
    public int AnalyzeAllItems()
    {
        var criteria = 0;
        var lexicon = Lexicon.Default;
        foreach (var (text, section, heading, depth) in _items)
        {
            criteria += ItemAnalyzer.Analyze(text, section, heading, lexicon, depth).Count;
        }

        return criteria;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ItemsPerSecondColumn());
    }
}
