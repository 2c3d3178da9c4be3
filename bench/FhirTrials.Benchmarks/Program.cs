using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project bench/FhirTrials.Benchmarks -- --filter '*Json*'
// The whole-process comparison with the peer (bench/ctms) is a console mode:
//   dotnet run -c Release --project bench/FhirTrials.Benchmarks -- whole-process --input tests/fixtures/ctgov-v2 --out /tmp/x --repeat 10
if (args is ["whole-process", .. var options])
{
    return FhirTrials.Benchmarks.Mapping.WholeProcess.Run(options);
}

if (args is ["mapping-throughput", .. var throughputOptions])
{
    return FhirTrials.Benchmarks.Mapping.CpuThroughput.Run(throughputOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
