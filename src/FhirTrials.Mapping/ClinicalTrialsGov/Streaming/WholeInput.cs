using System.Buffers;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// The fast path of the importer for small seekable inputs: the whole input in a pooled array, read at once
/// when it is one study object (the scanner would otherwise tokenize it twice: once to find its end, once to
/// read it).
/// </summary>
internal sealed class WholeInput : IDisposable
{
    /// <summary>Inputs up to this size are read whole; larger ones stream.</summary>
    public const int MaxLength = 1 << 20;

    /// <summary>How a single study is read: strict JSON, as deep as the scanner allows.</summary>
    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 256 };

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

    /// <summary>
    /// True when the input opens an object whose first property is a study section: it is then read as one
    /// study (a page, an array or NDJSON goes to the scanner).
    /// </summary>
    public static bool StartsWithStudySection(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
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
