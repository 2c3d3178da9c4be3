using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>
/// Two builds of the mapping side by side in one process, each in its own <see cref="AssemblyLoadContext"/>,
/// alternated pass by pass over the 943 CT.gov records (one pass = <c>MapToJson</c> of every record): a burst
/// from a neighbour on the shared machine slows both alike, so their ratio holds where separate runs differ by
/// ±20 %. Wall clock per pass; prints the minimum, 25th percentile and median microseconds per record of each
/// build and the ratio of the 25th percentiles. A build is a folder with its FhirTrials.*.dll (e.g. another
/// worktree's bench/FhirTrials.Benchmarks/bin/Release/net10.0); only public API present in both is called.
/// <code>dotnet bench/FhirTrials.Benchmarks/bin/Release/net10.0/FhirTrials.Benchmarks.dll mapping-side-by-side DIR_A DIR_B [seconds]</code>
/// </summary>
public static class SideBySide
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: mapping-side-by-side <build folder A> <build folder B> [seconds]");
            return 2;
        }

        var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var files = MappingCorpus.Files();
        var passes = new[] { Load(args[0], files), Load(args[1], files) };
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            passes[0]();
            passes[1]();
        }

        var times = new[] { new List<double>(), new List<double>() };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            for (var build = 0; build < 2; build++)
            {
                var start = Stopwatch.GetTimestamp();
                var count = passes[build]();
                times[build].Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds / count);
            }
        }

        times[0].Sort();
        times[1].Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"A {Summary(times[0])} | B {Summary(times[1])} | B/A p25 {P25(times[1]) / P25(times[0]):F3} (passes {times[0].Count})"));
        return 0;
    }

    /// <summary>A pass over every record in the build at <paramref name="folder"/>, returning the number of records.</summary>
    private static Func<int> Load(string folder, IReadOnlyList<string> files)
    {
        var context = new AssemblyLoadContext(folder);
        context.Resolving += (c, name) => File.Exists(Path.Combine(folder, name.Name + ".dll")) ? c.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(folder, name.Name + ".dll"))) : null;
        var mapping = context.LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(folder, "FhirTrials.Mapping.dll")));
        var importFile = mapping.GetType("FhirTrials.Mapping.ClinicalTrialsGov.CtGovImporter")!.GetMethods().Single(m => m.Name == "ImportFile");
        var mapperType = mapping.GetType("FhirTrials.Mapping.Fhir.TrialBundleMapper")!;
        var mapper = mapperType.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        var mapToJson = mapperType.GetMethods().Single(m => m.Name == "MapToJson" && m.GetParameters().Length == 2);
        var records = files.SelectMany(f => ((System.Collections.IEnumerable)importFile.Invoke(null, [f, .. importFile.GetParameters().Skip(1).Select(p => p.DefaultValue)])!).Cast<object>()).ToList();
        return () =>
        {
            foreach (var record in records)
            {
                mapToJson.Invoke(mapper, [record, false]);
            }

            return records.Count;
        };
    }

    private static double P25(List<double> sorted) => sorted[sorted.Count / 4];

    private static string Summary(List<double> sorted) =>
        string.Create(CultureInfo.InvariantCulture, $"min {sorted[0]:F1} p25 {P25(sorted):F1} median {sorted[sorted.Count / 2]:F1} µs/record");
}
