using System.Globalization;
using System.Text.Json;
using FhirTrials.Eligibility;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>
/// Per-core throughput of map + serialize on the 943 CT.gov records, by thread CPU time, median over passes
/// (robust when the machine is shared): full Bundle, Bundle without the criteria parser, the parser alone, the reverse, and the
/// CT.gov import of the study files (bytes already in memory); with the bytes each allocates per record.
/// Garbage collection runs on the measured thread (non-concurrent GC is set for this mode).
/// <code>dotnet run -c Release --project bench/FhirTrials.Benchmarks -- mapping-throughput --seconds 10</code>
/// </summary>
public static class CpuThroughput
{
    public static int Run(string[] args)
    {
        var seconds = args is ["--seconds", var value] ? double.Parse(value, CultureInfo.InvariantCulture) : 10;
        var records = MappingCorpus.Records();
        var withoutCriteria = MappingCorpus.WithoutCriteria(records);
        var results = new Dictionary<string, object> { ["records"] = records.Count };
        Add(results, "fullBundle", Measure(records, r => TrialBundleMapper.Default.MapToJson(r).Length, seconds));
        Add(results, "withoutCriteriaParsing", Measure(withoutCriteria, r => TrialBundleMapper.Default.MapToJson(r).Length, seconds));
        Add(results, "criteriaParserAlone", Measure(records, r => r.Eligibility?.Criteria is { } c ? EligibilityCriteriaParser.Parse(c).Items.Count : 0, seconds));
        // Parsed only now: 943 parsed Bundles kept alive during the rows above would be measured as part of them.
        var bundles = records.Select(r => FhirJsonParser.Parse<Bundle>(TrialBundleMapper.Default.MapToJson(r))).ToList();
        Add(results, "reverse", Measure(bundles, b => TrialRecordReverseMapper.Default.Reverse(b).Locations?.Count ?? 0, seconds));
        var files = MappingCorpus.Files().Select(File.ReadAllBytes).ToList();
        Add(results, "ctgovImport", Measure(files, f => CtGovImporter.Import(new MemoryStream(f, writable: false), "study.json").Count(), seconds));
        Console.WriteLine(JsonSerializer.Serialize(results));
        return 0;
    }

    private static void Add(Dictionary<string, object> results, string name, (double PerSecond, long BytesPerItem) measured)
    {
        results[name] = measured.PerSecond;
        results[name + "AllocatedBytesPerRecord"] = measured.BytesPerItem;
    }

    /// <summary>
    /// Records per second of thread CPU time after two warm-up passes: the median over passes (one pass = every
    /// item once), which a noisy neighbour on the shared machine moves far less than the mean; and bytes
    /// allocated per record in the second warm-up pass.
    /// </summary>
    private static (double PerSecond, long BytesPerItem) Measure<T>(IReadOnlyList<T> items, Func<T, int> work, double seconds)
    {
        long allocated = 0;
        long sink = 0;
        for (var pass = 0; pass < 2; pass++)
        {
            // The second pass is the one counted: the first also allocates what stays for the process (caches).
            allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var item in items)
            {
                sink += work(item);
            }
        }

        var bytesPerItem = (GC.GetAllocatedBytesForCurrentThread() - allocated) / items.Count;
        var passes = new List<double>();
        var start = ThreadCpuClock.Seconds();
        while (ThreadCpuClock.Seconds() - start < seconds)
        {
            var passStart = ThreadCpuClock.Seconds();
            foreach (var item in items)
            {
                sink += work(item);
            }

            passes.Add(items.Count / (ThreadCpuClock.Seconds() - passStart));
        }

        GC.KeepAlive(sink);
        passes.Sort();
        return (Math.Round(passes[passes.Count / 2]), bytesPerItem);
    }
}
