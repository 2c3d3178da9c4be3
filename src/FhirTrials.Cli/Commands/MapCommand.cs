using System.CommandLine;
using FhirTrials.Cli.Infrastructure;

namespace FhirTrials.Cli.Commands;

/// <summary>What <c>fhirtrials map</c> reads.</summary>
public enum MapSource
{
    /// <summary>Trial record files (docs/trial-record.md).</summary>
    Record,

    /// <summary>ClinicalTrials.gov API v2 JSON: single studies, <c>{"studies": [...]}</c> pages, NDJSON.</summary>
    Ctgov,
}

/// <summary>How <c>fhirtrials map</c> writes Bundles.</summary>
public enum BundleFormat
{
    /// <summary>One Bundle per trial (<c>&lt;registry id&gt;.json</c> with --out), indented unless --compact.</summary>
    Bundle,

    /// <summary>One compact transaction Bundle per line (<c>bundles.ndjson</c> with --out).</summary>
    Ndjson,
}

/// <summary>
/// <c>fhirtrials map</c>: trial records or CT.gov studies → one FHIR transaction Bundle per trial. A record
/// that cannot be read or mapped is reported on one line (file and field) and the others are still
/// written; exit 1 when any failed, 2 for usage or I/O errors. Files are read and mapped on all cores
/// (<c>--jobs</c>); Bundles and errors are written in input order.
/// </summary>
public static partial class MapCommand
{
    public const string NdjsonFileName = "bundles.ndjson";

    /// <summary>Where stdout output goes (tests replace it).</summary>
    internal static Func<Stream> StandardOutput { get; set; } = Console.OpenStandardOutput;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Record or CT.gov files, or folders of them", Arity = ArgumentArity.OneOrMore };
        var from = new Option<MapSource>("--from") { Description = "Input kind: record (trial record files) or ctgov (CT.gov API v2 JSON, pages or NDJSON)", DefaultValueFactory = _ => MapSource.Record };
        var output = new Option<string?>("--out") { Description = "Folder to write <registry id>.json files (or bundles.ndjson) into; stdout when absent" };
        var format = new Option<BundleFormat>("--format") { Description = "bundle: one Bundle per trial (indented unless --compact); ndjson: one compact Bundle per line", DefaultValueFactory = _ => BundleFormat.Bundle };
        var compact = new Option<bool>("--compact") { Description = "Write Bundles without indentation (about 30 % smaller; as FHIR servers answer without _pretty)" };
        var jobs = new Option<int>("--jobs") { Description = "Files read and mapped at once (default: the number of processors)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("map", "Map trial records or ClinicalTrials.gov studies to FHIR R4 transaction Bundles (one per trial)")
        {
            inputs, from, output, format, compact, jobs,
        };
        command.SetAction((result, _) => RunAsync(
            result.GetValue(inputs)!, result.GetValue(from), result.GetValue(output), result.GetValue(format), result.GetValue(compact), Math.Max(1, result.GetValue(jobs))));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, MapSource from, string? outputFolder, BundleFormat format, bool compact, int jobs)
    {
        var extensions = from == MapSource.Record ? [".json"] : new[] { ".json", ".ndjson", ".jsonl" };
        var files = InputFiles.Expand(paths, extensions, out var missing);
        foreach (var path in missing)
        {
            Terminal.WriteError($"{path}: no such file or folder");
        }

        if (missing.Count > 0)
        {
            return ExitCodes.UsageOrIo;
        }

        Stream? ndjson = null;
        try
        {
            if (outputFolder is not null)
            {
                Directory.CreateDirectory(outputFolder);
                ndjson = format == BundleFormat.Ndjson ? File.Create(Path.Combine(outputFolder, NdjsonFileName)) : null;
            }

            var sink = new BundleSink(outputFolder, ndjson ?? (outputFolder is null ? StandardOutput() : null));
            // Batches large enough that the cores rarely wait for the slowest file of a batch; each holds its
            // Bundles (about 90 KB a trial, pooled) until they are written.
            var batches = files.Chunk(jobs * 16).ToList();
            await Terminal.ForEachWithProgressAsync(batches, "Mapping", batch => MapBatchAsync(batch, from, indented: format == BundleFormat.Bundle && !compact, jobs, sink));
            Console.Error.WriteLine($"{sink.Written} bundles written, {sink.Failed} records failed");
            return sink.Failed > 0 ? ExitCodes.Findings : ExitCodes.Ok;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Terminal.WriteError($"{outputFolder ?? "stdout"}: {exception.Message}");
            return ExitCodes.UsageOrIo;
        }
        finally
        {
            if (ndjson is not null)
            {
                await ndjson.DisposeAsync();
            }
        }
    }
}
