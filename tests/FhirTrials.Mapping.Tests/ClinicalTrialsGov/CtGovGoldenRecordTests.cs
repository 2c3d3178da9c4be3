using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>
/// The importer's output is pinned: <c>ctgov-records.sha256</c> (next to this file) lists, per fixture file and
/// per multi-study input built from a corpus (page, array, NDJSON), the SHA-256 of the imported records written
/// as canonical record JSON by <see cref="TrialRecordWriter"/>. Any change to a record shows up as a mismatch.
/// After a legitimate change of the records, regenerate the list by running this test with the environment
/// variable <c>FHIRTRIALS_UPDATE_GOLDEN=1</c>, and review the diff of the file.
/// </summary>
public sealed class CtGovGoldenRecordTests
{
    private static readonly string GoldenPath =
        Path.Combine(RepositoryPaths.Root, "tests", "FhirTrials.Mapping.Tests", "ClinicalTrialsGov", "ctgov-records.sha256");

    [Fact]
    public void Import_EveryFixtureAndMultiStudyInput_MatchesTheGoldenHashes()
    {
        var actual = Inputs().Select(input => $"{input.Name} {Hash(input.Records())}").ToList();

        if (Environment.GetEnvironmentVariable("FHIRTRIALS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, string.Join("\n", actual) + "\n");
        }

        var expected = File.ReadAllLines(GoldenPath).Where(line => line.Length > 0).ToList();
        var failures = expected.Except(actual, StringComparer.Ordinal).Select(line => "expected " + line)
            .Concat(actual.Except(expected, StringComparer.Ordinal).Select(line => "actual   " + line))
            .ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} golden mismatches:\n{string.Join("\n", failures)}");
        Assert.Equal(943 + 74 + 6, actual.Count);
    }

    private static IEnumerable<(string Name, Func<IEnumerable<TrialRecord>> Records)> Inputs()
    {
        foreach (var corpus in new[] { RepositoryPaths.CtGovFull, RepositoryPaths.CtGovPartial })
        {
            foreach (var file in Directory.GetFiles(corpus, "*.json").Order(StringComparer.Ordinal))
            {
                yield return (RepositoryPaths.Relative(file), () => CtGovImporter.ImportFile(file));
            }
        }

        var studies = Directory.GetFiles(RepositoryPaths.CtGovPartial, "*.json").Order(StringComparer.Ordinal)
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!.ToJsonString()).ToList();
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["page"] = $"{{\"totalCount\":{studies.Count},\"studies\":[{string.Join(",", studies)}],\"nextPageToken\":\"x\"}}",
            ["array"] = $"[{string.Join(",\n", studies)}]",
            ["ndjson"] = string.Join("\n", studies) + "\n",
        };
        foreach (var (format, text) in inputs)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            yield return ($"ctgov-v2-partial as {format}", () => CtGovImporter.Import(new MemoryStream(bytes), format));
            yield return ($"ctgov-v2-partial as {format}, streamed", () => CtGovImporter.Import(new ChunkedStream(bytes, 4093), format));
        }
    }

    private static string Hash(IEnumerable<TrialRecord> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var record in records)
        {
            hash.AppendData(TrialRecordWriter.ToUtf8Bytes(record));
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
