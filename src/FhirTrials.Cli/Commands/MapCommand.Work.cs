using System.Runtime.ExceptionServices;
using FhirTrials.Cli.Infrastructure;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Cli.Commands;

public static partial class MapCommand
{
    /// <summary>
    /// Reads and maps a batch of files in parallel, then reports errors in input order and writes the Bundles:
    /// into a folder in parallel (when a trial occurs twice, its later record wins), or to one stream in order.
    /// </summary>
    private static async Task MapBatchAsync(string[] batch, MapSource from, bool indented, int jobs, BundleSink sink)
    {
        var outcomes = new List<Outcome>[batch.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        Parallel.For(0, batch.Length, parallel, i => outcomes[i] = MapFile(batch[i], from, indented));
        var all = outcomes.SelectMany(o => o).ToList();
        try
        {
            foreach (var outcome in all.Where(o => o.Error is not null))
            {
                sink.Fail(outcome.Error!);
            }

            await sink.WriteAsync(all.Where(o => o.Error is null).ToList(), parallel);
        }
        finally
        {
            all.ForEach(o => o.Bytes?.Dispose());
        }
    }

    /// <summary>The Bundle bytes of every record of a file, or the one-line error of what failed, in order.</summary>
    private static List<Outcome> MapFile(string file, MapSource from, bool indented)
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
                    var bytes = BundleFiles.ToPooledBytes(bundle, indented);
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
    private sealed record Outcome(string? RegistryId, PooledBytes? Bytes, string? Error);

    /// <summary>Where Bundles go: files in a folder, or one stream (NDJSON file or stdout).</summary>
    private sealed class BundleSink(string? folder, Stream? stream)
    {
        public int Written { get; private set; }

        public int Failed { get; private set; }

        public async Task WriteAsync(List<Outcome> mapped, ParallelOptions parallel)
        {
            if (stream is not null)
            {
                foreach (var outcome in mapped)
                {
                    await stream.WriteAsync(outcome.Bytes!.Memory);
                }

                await stream.FlushAsync();
            }
            else
            {
                var latest = mapped.GroupBy(o => BundleFiles.FileName(o.RegistryId!)).Select(g => (Name: g.Key, Bytes: g.Last().Bytes!));
                try
                {
                    Parallel.ForEach(latest, parallel, file => BundleFiles.WriteFile(Path.Combine(folder!, file.Name), file.Bytes.Span));
                }
                catch (AggregateException exception) when (exception.InnerException is IOException or UnauthorizedAccessException)
                {
                    ExceptionDispatchInfo.Throw(exception.InnerException);
                }
            }

            Written += mapped.Count;
        }

        public void Fail(string message)
        {
            Terminal.WriteError(message);
            Failed++;
        }
    }
}
