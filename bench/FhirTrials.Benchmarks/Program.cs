using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g.
//   dotnet run -c Release --project bench/FhirTrials.Benchmarks -- --filter '*Json*'
// The whole-process comparison with the peer (bench/ctms) is a console mode:
//   dotnet run -c Release --project bench/FhirTrials.Benchmarks -- whole-process --input tests/fixtures/ctgov-v2 --out /tmp/x --repeat 10
// The sync into the embedded store (bench/FhirTrials.Benchmarks/Sync/README.md) is a console mode too:
//   dotnet run -c Release --project bench/FhirTrials.Benchmarks -- sync --trials 10000 --chunk-size 500
if (args is ["whole-process", .. var options])
{
    return FhirTrials.Benchmarks.Mapping.WholeProcess.Run(options);
}

if (args is ["mapping-throughput", .. var throughputOptions])
{
    return FhirTrials.Benchmarks.Mapping.CpuThroughput.Run(throughputOptions);
}

if (args is ["sync", .. var syncOptions])
{
    return await FhirTrials.Benchmarks.Sync.SyncPasses.RunAsync(syncOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
