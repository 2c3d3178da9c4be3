using System.Buffers;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// The fast path of the importer for small seekable inputs: the whole input in a pooled array, parsed at once
/// when it is one study object (the scanner would otherwise tokenize it twice: once to find its end, once to
/// parse it).
/// </summary>
internal sealed class WholeInput : IDisposable
{
    /// <summary>Inputs up to this size are read whole; larger ones stream.</summary>
    public const int MaxLength = 1 << 20;

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    private WholeInput(byte[] array, int length)
    {
        Array = array;
        Length = length;
    }

    public byte[] Array { get; private set; }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => Array.AsMemory(0, Length);

    /// <summary>The rest of <paramref name="stream"/> when it can tell its length and that is at most <see cref="MaxLength"/>; else null (nothing read).</summary>
    public static WholeInput? TryRead(Stream stream)
    {
        if (!stream.CanSeek || stream.Length - stream.Position > MaxLength)
        {
            return null;
        }

        var expected = (int)(stream.Length - stream.Position);
        var array = ArrayPool<byte>.Shared.Rent(expected + 1);
        var length = 0;
        int read;
        while ((read = stream.Read(array, length, array.Length - length)) > 0)
        {
            length += read;
            if (length == array.Length)
            {
                // The stream grew while being read: keep reading into a larger array.
                PooledBuffer.Grow(ref array, length);
            }
        }

        return new WholeInput(array, length);
    }

    /// <summary>The parsed document when <paramref name="json"/> is exactly one study object; null for pages, arrays, NDJSON and malformed JSON.</summary>
    public static JsonDocument? TryParseSingleStudy(ReadOnlyMemory<byte> json)
    {
        if (!StartsWithStudySection(json.Span))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException)
        {
            return null;
        }

        return document;
    }

    /// <summary>True when the input opens an object whose first property is a study section (a page or an array is not parsed here at all).</summary>
    private static bool StartsWithStudySection(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                && StudyStreamScanner.IsStudySection(reader.GetString()!);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (Array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(Array);
            Array = [];
        }
    }
}
