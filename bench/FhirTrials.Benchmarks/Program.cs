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

// Two builds of the mapping alternated in one process (Mapping/SideBySide.cs):
//   dotnet bench/FhirTrials.Benchmarks/bin/Release/net10.0/FhirTrials.Benchmarks.dll mapping-side-by-side DIR_A DIR_B 20
if (args is ["mapping-side-by-side", .. var sideBySideOptions])
{
    return FhirTrials.Benchmarks.Mapping.SideBySide.Run(sideBySideOptions);
}

if (args is ["sync", .. var syncOptions])
{
    return await FhirTrials.Benchmarks.Sync.SyncPasses.RunAsync(syncOptions);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
