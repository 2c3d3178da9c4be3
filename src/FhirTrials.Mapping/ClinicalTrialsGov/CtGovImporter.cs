using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using FhirTrials.Mapping.Records;
using FhirTrials.Mapping.Tables;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Imports ClinicalTrials.gov API v2 JSON into trial records. Accepts one study object, a
/// <c>{"studies":[...], "nextPageToken": ...}</c> page, a JSON array of studies, or NDJSON (one study
/// per line), streaming: only the study being mapped is held in memory. Records are produced lazily;
/// the first bad study stops the import with a <see cref="CtGovImportException"/>.
/// </summary>
public static class CtGovImporter
{
    /// <summary>Reads the text of a parsed element, whatever options parsed it.</summary>
    private static readonly JsonReaderOptions ElementOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 1 << 16,
    };

    public static IEnumerable<TrialRecord> ImportFile(string path, MappingTables? tables = null)
    {
        // No FileStream buffer: the scanner reads in chunks at least as large as the file or 64 KB.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        foreach (var record in Import(stream, path, tables))
        {
            yield return record;
        }
    }

    public static IEnumerable<TrialRecord> Import(Stream stream, string sourceName, MappingTables? tables = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (WholeInput.TryRead(stream) is not { } whole)
        {
            foreach (var record in Scan(stream, sourceName, tables))
            {
                yield return record;
            }

            yield break;
        }

        // A small input is read whole. A single study (the usual file) is then read once; anything else,
        // including malformed JSON, goes through the scanner so that pages and errors read the same.
        using (whole)
        {
            if (ReadSingleStudy(whole, sourceName, tables ?? MappingTables.Default) is { } record)
            {
                yield return record;
                yield break;
            }

            foreach (var scanned in Scan(new MemoryStream(whole.Array, 0, whole.Length, writable: false), sourceName, tables))
            {
                yield return scanned;
            }
        }
    }

    /// <summary>The record when the whole input is one well-formed study object; null when the scanner must read it.</summary>
    private static TrialRecord? ReadSingleStudy(WholeInput whole, string sourceName, MappingTables tables)
    {
        var json = whole.Memory;
        if (!WholeInput.StartsWithStudySection(json.Span))
        {
            return null;
        }

        try
        {
            return Map(json, sourceName, 1, tables, WholeInput.ReaderOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<TrialRecord> Scan(Stream stream, string sourceName, MappingTables? tables)
    {
        using var scanner = new StudyStreamScanner(stream, StudyStreamScanner.BufferSizeFor(stream));
        var index = 0;
        while (true)
        {
            switch (Next(scanner, sourceName, index, out var study))
            {
                case StudyStreamScanner.Step.NeedData:
                    scanner.Fill();
                    break;
                case StudyStreamScanner.Step.End:
                    yield break;
                default:
                    index++;
                    yield return Parse(study, sourceName, index, tables ?? MappingTables.Default);
                    break;
            }
        }
    }

    public static async IAsyncEnumerable<TrialRecord> ImportAsync(
        Stream stream, string sourceName, MappingTables? tables = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var scanner = new StudyStreamScanner(stream, StudyStreamScanner.BufferSizeFor(stream));
        var index = 0;
        while (true)
        {
            switch (Next(scanner, sourceName, index, out var study))
            {
                case StudyStreamScanner.Step.NeedData:
                    await scanner.FillAsync(cancellationToken);
                    break;
                case StudyStreamScanner.Step.End:
                    yield break;
                default:
                    index++;
                    yield return Parse(study, sourceName, index, tables ?? MappingTables.Default);
                    break;
            }
        }
    }

    /// <summary>Maps one study object already parsed; <paramref name="recordIndex"/> is used in error messages.</summary>
    public static TrialRecord ImportStudy(JsonElement study, string sourceName, int recordIndex = 1, MappingTables? tables = null)
    {
        if (study.ValueKind != JsonValueKind.Object)
        {
            throw Located(CtGovStudyReader.NotAStudy(), sourceName, recordIndex);
        }

        // The element's own text, read again: it was parsed, so it is well-formed for the options it was parsed with.
        return Map(JsonMarshal.GetRawUtf8Value(study).ToArray(), sourceName, recordIndex, tables ?? MappingTables.Default, ElementOptions);
    }

    private static StudyStreamScanner.Step Next(StudyStreamScanner scanner, string sourceName, int index, out ReadOnlyMemory<byte> study)
    {
        try
        {
            return scanner.TryNext(out study);
        }
        catch (JsonException exception)
        {
            var location = string.Create(
                CultureInfo.InvariantCulture, $"line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}");
            throw new CtGovImportException(sourceName, index + 1, null, location, JsonErrorText.StripLocation(exception.Message), exception);
        }
    }

    private static TrialRecord Parse(ReadOnlyMemory<byte> study, string sourceName, int index, MappingTables tables) =>
        Map(study, sourceName, index, tables, WholeInput.ReaderOptions);

    private static TrialRecord Map(ReadOnlyMemory<byte> study, string sourceName, int index, MappingTables tables, JsonReaderOptions options)
    {
        try
        {
            return CtGovStudyReader.Map(study, tables, options);
        }
        catch (CtGovFieldException exception)
        {
            throw Located(exception, sourceName, index);
        }
    }

    private static CtGovImportException Located(CtGovFieldException problem, string sourceName, int index) =>
        new(sourceName, index, problem.NctId, problem.Path, problem.Reason, problem);
}
