using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>Every fixture record (943 full + 74 partial) imports, and survives record → JSON → record.</summary>
public sealed class CtGovCorpusTests
{
    public static TheoryData<string> Corpora => new() { "ctgov-v2", "ctgov-v2-partial" };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Import_EveryFixture_ImportsAndRoundTripsLosslessly(string corpus)
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, corpus), "*.json").Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var records = CtGovImporter.ImportFile(file).ToList();
                if (records.Count != 1)
                {
                    failures.Add($"{RepositoryPaths.Relative(file)}: {records.Count} records");
                    continue;
                }

                var record = records[0];
                if (record.RegistryId != Path.GetFileNameWithoutExtension(file))
                {
                    failures.Add($"{RepositoryPaths.Relative(file)}: registry id {record.RegistryId}");
                }

                var reread = TrialRecordReader.Parse(TrialRecordWriter.ToJson(record), file);
                failures.AddRange(TrialRecordComparison.Differences(record, reread).Select(d => $"{RepositoryPaths.Relative(file)}: {d}"));
            }
            catch (Exception exception) when (exception is CtGovImportException or TrialRecordFormatException)
            {
                failures.Add(exception.Message);
            }
        }

        Assert.Equal(corpus == "ctgov-v2" ? 943 : 74, files.Count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {files.Count} failed:\n{string.Join("\n", failures.Take(50))}");
    }
}
