using FhirTrials.Cli.Infrastructure;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Cli.Commands;

public static partial class MapCommand
{
    /// <summary>Reads and maps a batch of files in parallel, then writes their Bundles and errors in input order.</summary>
    private static async Task MapBatchAsync(string[] batch, MapSource from, BundleFormat format, int jobs, BundleSink sink)
    {
        var outcomes = new List<Outcome>[batch.Length];
        Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i => outcomes[i] = MapFile(batch[i], from, format));
        foreach (var outcome in outcomes.SelectMany(o => o))
        {
            if (outcome.Error is { } error)
            {
                sink.Fail(error);
            }
            else
            {
                await sink.WriteAsync(outcome.Bytes!, outcome.RegistryId!);
            }
        }
    }

    /// <summary>The Bundle bytes of every record of a file, or the one-line error of what failed, in order.</summary>
    private static List<Outcome> MapFile(string file, MapSource from, BundleFormat format)
    {
        var outcomes = new List<Outcome>();
        try
        {
            var records = from == MapSource.Record ? [TrialRecordReader.ReadFile(file)] : CtGovImporter.ImportFile(file);
            foreach (var record in records)
            {
                try
                {
                    var bundle = TrialBundleMapper.Default.Map(record);
                    var bytes = format == BundleFormat.Ndjson ? BundleFiles.ToNdjsonLine(bundle) : BundleFiles.ToFileBytes(bundle);
                    outcomes.Add(new Outcome(record.RegistryId, bytes, Error: null));
                }
                catch (TrialMappingException exception)
                {
                    outcomes.Add(new Outcome(null, null, $"{file}: {exception.Message}"));
                }
            }
        }
        catch (Exception exception) when (exception is TrialRecordFormatException or CtGovImportException)
        {
            outcomes.Add(new Outcome(null, null, exception.Message));
        }
        catch (IOException exception)
        {
            outcomes.Add(new Outcome(null, null, $"{file}: {exception.Message}"));
        }

        return outcomes;
    }

    /// <summary>A mapped Bundle (registry id and bytes) or an error line.</summary>
    private sealed record Outcome(string? RegistryId, byte[]? Bytes, string? Error);

    /// <summary>Where Bundles go: files in a folder, or one stream (NDJSON file or stdout).</summary>
    private sealed class BundleSink(string? folder, Stream? stream)
    {
        public int Written { get; private set; }

        public int Failed { get; private set; }

        public async Task WriteAsync(byte[] bytes, string registryId)
        {
            if (stream is not null)
            {
                await stream.WriteAsync(bytes);
                await stream.FlushAsync();
            }
            else
            {
                await File.WriteAllBytesAsync(Path.Combine(folder!, BundleFiles.FileName(registryId)), bytes);
            }

            Written++;
        }

        public void Fail(string message)
        {
            Terminal.WriteError(message);
            Failed++;
        }
    }
}
