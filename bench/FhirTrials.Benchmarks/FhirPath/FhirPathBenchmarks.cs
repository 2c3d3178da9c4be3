using BenchmarkDotNet.Attributes;
using FhirTrials.FhirPath;
using FhirTrials.Testing;

namespace FhirTrials.Benchmarks.FhirPath;

/// <summary>
/// FHIRPath evaluation speed on the shared workloads (<see cref="FhirPathWorkload"/>); one operation
/// is one pass over all cases, so evaluations per second = cases / mean (the case counts are printed
/// at setup). Setup also exports the workload to bench/fhirpath-js/workload.json for the JavaScript peer.
/// </summary>
[MemoryDiagnoser]
public class FhirPathBenchmarks
{
    private FhirPathWorkload _workload = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workload = FhirPathWorkload.Load();
        var export = Path.Combine(TestPaths.RepoRoot, "bench", "fhirpath-js", "workload.json");
        _workload.Export(export);
        Console.WriteLine($"// FHIRPath workload: {_workload.Suite.Count} suite cases; {_workload.InvariantCases.Count} invariant evaluations ({_workload.Resources.Count} examples); exported to {export}");
    }

    /// <summary>The official suite's expressions on their inputs, results materialised.</summary>
    [Benchmark]
    public int SuiteExpressions()
    {
        var items = 0;
        foreach (var c in _workload.Suite)
        {
            items += c.Compiled.Evaluate(c.Input.Node).Count;
        }

        return items;
    }

    /// <summary>The base resource invariants on R4 examples, as a validator asks them (true/false/empty).</summary>
    [Benchmark]
    public int CoreInvariants()
    {
        var satisfied = 0;
        foreach (var c in _workload.InvariantCases)
        {
            if (c.Compiled.EvaluatePredicate(c.Input.Node) != false)
            {
                satisfied++;
            }
        }

        return satisfied;
    }

    /// <summary>Parsing and compiling the suite's expressions without the cache.</summary>
    [Benchmark]
    public int CompileSuiteExpressions()
    {
        var compiler = new FhirPathCompiler(maxCachedExpressions: 0);
        var count = 0;
        foreach (var c in _workload.Suite)
        {
            count += compiler.Compile(c.Expression).Expression.Length;
        }

        return count;
    }
}
