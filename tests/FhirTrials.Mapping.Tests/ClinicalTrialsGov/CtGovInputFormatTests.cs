using System.Text;
using System.Text.Json.Nodes;
using FhirTrials.Mapping.ClinicalTrialsGov;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tests.Support;

namespace FhirTrials.Mapping.Tests.ClinicalTrialsGov;

/// <summary>One study, API pages, arrays and NDJSON all import the same records, streaming.</summary>
public sealed class CtGovInputFormatTests
{
    private static readonly string[] Ids = ["NCT04714372", "NCT00122499", "NCT41300001"];

    private static string Compact(string nctId) => JsonNode.Parse(File.ReadAllText(RepositoryPaths.CtGovFile(nctId)))!.ToJsonString();

    private static List<string> ImportIds(string text, int maxChunk = int.MaxValue)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using Stream stream = maxChunk == int.MaxValue ? new MemoryStream(bytes) : new ChunkedStream(bytes, maxChunk);
        return [.. CtGovImporter.Import(stream, "input.json").Select(r => r.RegistryId)];
    }

    public static TheoryData<string, string> Formats()
    {
        var studies = Ids.Select(Compact).ToList();
        return new TheoryData<string, string>
        {
            { "page", $"{{\"studies\":[{string.Join(",", studies)}],\"nextPageToken\":\"NF0g5JGBlPMuwQY\"}}" },
            { "page, token and count first", $"{{\"totalCount\":3,\"nextPageToken\":\"abc\",\"studies\":[{string.Join(",\n", studies)}]}}" },
            { "array", $"[{string.Join(",", studies)}]" },
            { "ndjson", string.Join("\n", studies) + "\n" },
            { "ndjson with CRLF and blank lines", "\r\n" + string.Join("\r\n\r\n", studies) + "\r\n" },
            { "several pages", $"{{\"studies\":[{studies[0]},{studies[1]}]}}\n{{\"studies\":[{studies[2]}],\"nextPageToken\":null}}" },
        };
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Import_Format_YieldsEveryStudyInOrder(string format, string text)
    {
        Assert.True(Ids.SequenceEqual(ImportIds(text)), format);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Import_TinyReads_GiveTheSameRecords(string format, string text)
    {
        Assert.True(Ids.SequenceEqual(ImportIds(text, maxChunk: 7)), format);
        Assert.True(Ids.SequenceEqual(ImportIds(text, maxChunk: 1)), format);
    }

    [Fact]
    public void Import_SingleStudyFile_YieldsOneRecordEqualToThePageImport()
    {
        var single = Assert.Single(CtGovImporter.ImportFile(RepositoryPaths.CtGovFile("NCT04714372")));
        var fromPage = CtGovImporter.Import(new MemoryStream(Encoding.UTF8.GetBytes($"{{\"studies\":[{Compact("NCT04714372")}]}}")), "page.json").Single();

        Assert.Empty(TrialRecordComparison.Differences(single, fromPage));
    }

    [Theory]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"}, }")]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": 5}}}")]
    [InlineData("{\"protocolSection\": {\"identificationModule\": {\"nctId\": \"NCT1\"")]
    public void Import_BadSmallFile_SameErrorAsWhenStreamed(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);

        var whole = Assert.Throws<CtGovImportException>(() => CtGovImporter.Import(new MemoryStream(bytes), "bad.json").ToList());
        var streamed = Assert.Throws<CtGovImportException>(() => CtGovImporter.Import(new ChunkedStream(bytes, 5), "bad.json").ToList());

        Assert.Equal(streamed.Message, whole.Message);
        Assert.Contains("bad.json", whole.Message, StringComparison.Ordinal);
    }

    private static List<TrialRecord> ImportAll(byte[] bytes) => [.. CtGovImporter.Import(new MemoryStream(bytes), "p.json")];

    [Fact]
    public void Import_EmptyPageAndEmptyInput_YieldNothing()
    {
        Assert.Empty(ImportIds("{\"studies\":[],\"totalCount\":0}"));
        Assert.Empty(ImportIds("   \n"));
    }

    [Fact]
    public void Import_LargePage_BuffersOneStudyAtATime()
    {
        var files = Directory.GetFiles(RepositoryPaths.CtGovFull, "*.json").Order(StringComparer.Ordinal).ToList();
        var studies = files.Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString()).ToList();
        var page = Encoding.UTF8.GetBytes($"{{\"studies\":[{string.Join(",", studies)}],\"nextPageToken\":\"x\"}}");
        var largest = studies.Max(s => Encoding.UTF8.GetByteCount(s));

        using var stream = new MemoryStream(page);
        using var scanner = new StudyStreamScanner(stream, initialBufferSize: 4096);
        var count = 0;
        while (true)
        {
            var step = scanner.TryNext(out _);
            if (step == StudyStreamScanner.Step.NeedData)
            {
                scanner.Fill();
            }
            else if (step == StudyStreamScanner.Step.End)
            {
                break;
            }
            else
            {
                count++;
            }
        }

        Assert.Equal(files.Count, count);
        Assert.True(page.Length > 10 * scanner.BufferCapacity, $"page {page.Length} bytes, buffer {scanner.BufferCapacity}");
        Assert.True(scanner.BufferCapacity <= 4 * Math.Max(largest, 4096), $"buffer {scanner.BufferCapacity}, largest study {largest}");
    }

    [Fact]
    public void Import_IsLazy_FirstRecordBeforeTheWholeInputIsRead()
    {
        var text = string.Join("\n", Enumerable.Repeat(Compact("NCT04714372"), 50));
        using var stream = new ChunkedStream(Encoding.UTF8.GetBytes(text), 4096);
        using var records = CtGovImporter.Import(stream, "lazy.ndjson").GetEnumerator();

        Assert.True(records.MoveNext());
        Assert.True(stream.Position < stream.Length / 10, $"read {stream.Position} of {stream.Length} bytes for the first record");
    }

    [Fact]
    public async Task ImportAsync_Page_GivesTheSameRecordsAsImport()
    {
        var text = $"{{\"studies\":[{string.Join(",", Ids.Select(Compact))}]}}";
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = ImportAll(bytes);
        var actual = new List<TrialRecord>();
        await foreach (var record in CtGovImporter.ImportAsync(new ChunkedStream(bytes, 13), "p.json"))
        {
            actual.Add(record);
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.All(expected.Zip(actual), pair => Assert.Empty(TrialRecordComparison.Differences(pair.First, pair.Second)));
    }
}
