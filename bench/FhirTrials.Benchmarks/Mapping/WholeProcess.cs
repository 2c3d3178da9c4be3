using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Fhir;

namespace FhirTrials.Benchmarks.Mapping;

/// <summary>
/// The whole process, as the peer benchmark (bench/ctms/run.mjs) runs it: read each CT.gov API v2 study
/// file, import it, map it to the full transaction Bundle, serialize and write one file per trial.
/// Reports records/s by wall clock and by process CPU time, and the peak resident set.
/// <code>dotnet run -c Release --project bench/FhirTrials.Benchmarks -- whole-process --input tests/fixtures/ctgov-v2 --out /tmp/fhirtrials-out --repeat 10</code>
/// </summary>
public static class WholeProcess
{
    public static int Run(string[] args)
    {
        var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[(2 * i) + 1], StringComparer.Ordinal);
        var input = options.GetValueOrDefault("input", "tests/fixtures/ctgov-v2");
        var output = options.GetValueOrDefault("out", Path.Combine(Path.GetTempPath(), "fhirtrials-out"));
        var repeat = int.Parse(options.GetValueOrDefault("repeat", "1"), CultureInfo.InvariantCulture);
        Directory.CreateDirectory(output);
        var files = Directory.GetFiles(input, "*.json").Order(StringComparer.Ordinal).ToList();

        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long records = 0;
        long bytes = 0;
        for (var round = 0; round < repeat; round++)
        {
            foreach (var file in files)
            {
                foreach (var record in CtGovImporter.ImportFile(file))
                {
                    var json = TrialBundleMapper.Default.MapToJson(record);
                    File.WriteAllBytes(Path.Combine(output, BundleFiles.FileName(record.RegistryId)), json);
                    bytes += json.Length;
                    records++;
                }
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tool"] = "FhirTrials " + typeof(TrialBundleMapper).Assembly.GetName().Version,
            ["runtime"] = Environment.Version.ToString(),
            ["records"] = records,
            ["wallSeconds"] = Math.Round(wall, 3),
            ["cpuSeconds"] = Math.Round(cpu, 3),
            ["recordsPerSecondWall"] = Math.Round(records / wall),
            ["recordsPerCpuSecond"] = Math.Round(records / cpu),
            ["outputBytesPerRecord"] = bytes / Math.Max(records, 1),
            ["peakRssMiB"] = Math.Round(process.PeakWorkingSet64 / 1048576.0, 1),
        }));
        return 0;
    }
}
