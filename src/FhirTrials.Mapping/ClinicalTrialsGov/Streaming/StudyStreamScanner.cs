using System.Buffers;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Finds the study objects in a CT.gov API v2 stream without loading the whole stream: one study object,
/// a <c>{"studies":[...]}</c> page (other page properties skipped), a JSON array of studies, or several
/// of these one after another (NDJSON). Only the study being returned is held in the buffer.
/// </summary>
/// <remarks>
/// Not thread-safe. The buffer is rented from the shared array pool: dispose the scanner to return it. <see cref="TryNext"/> never blocks: it answers <see cref="Step.NeedData"/> and the
/// caller refills with <see cref="Fill"/> or <see cref="FillAsync"/>; progress is committed only after
/// a complete token or study, so a step that runs out of data is simply retried.
/// </remarks>
internal sealed partial class StudyStreamScanner(Stream stream, int initialBufferSize = StudyStreamScanner.DefaultBufferSize) : IDisposable
{
    /// <summary>The buffer a stream of unknown length starts with.</summary>
    public const int DefaultBufferSize = 64 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 256,
    };

    private static readonly HashSet<string> StudySections = new(StringComparer.Ordinal)
    {
        "protocolSection", "derivedSection", "hasResults", "resultsSection", "annotationSection", "documentSection",
    };

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialBufferSize));
    private int _start;
    private int _end;
    private bool _final;
    private JsonReaderState _state = new(ReaderOptions);
    private Mode _mode = Mode.TopLevel;
    private long _discardedLines;
    private long _discardedLineTail;

    public enum Step
    {
        Study,
        NeedData,
        End,
    }

    private enum Mode
    {
        TopLevel,
        InTopArray,
        InPage,
        InStudiesArray,
    }

    /// <summary>True when <paramref name="propertyName"/> is a top-level section of a study object (rather than of a page).</summary>
    public static bool IsStudySection(string propertyName) => StudySections.Contains(propertyName);

    /// <summary>Current buffer size: about the largest single study seen, not the input size.</summary>
    public int BufferCapacity => _buffer.Length;

    /// <summary>The next study's UTF-8 JSON, valid until the next call to this scanner.</summary>
    public Step TryNext(out ReadOnlyMemory<byte> study)
    {
        study = default;
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
            if (!reader.Read())
            {
                return _final ? Step.End : Step.NeedData;
            }

            var outcome = _mode switch
            {
                Mode.TopLevel => TopLevel(ref reader, ref study),
                Mode.InTopArray or Mode.InStudiesArray => InArray(ref reader, ref study),
                _ => InPage(ref reader),
            };
            if (outcome is { } step)
            {
                return step;
            }
        }
    }

    private Step? TopLevel(ref Utf8JsonReader reader, ref ReadOnlyMemory<byte> study)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            Commit(ref reader, Mode.InTopArray);
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Problem(ref reader, "expected a study object, a {\"studies\":[...]} page, an array of studies or one study per line");
        }

        var afterStart = reader.BytesConsumed;
        var stateAfterStart = reader.CurrentState;
        if (!reader.Read())
        {
            return Step.NeedData;
        }

        if (reader.TokenType == JsonTokenType.PropertyName && !IsStudySection(reader.GetString()!))
        {
            _start += (int)afterStart;
            _state = stateAfterStart;
            _mode = Mode.InPage;
            return null;
        }

        var whole = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        whole.Read();
        return Capture(ref whole, ref study, Mode.TopLevel);
    }

    private Step? InArray(ref Utf8JsonReader reader, ref ReadOnlyMemory<byte> study)
    {
        if (reader.TokenType == JsonTokenType.EndArray)
        {
            Commit(ref reader, _mode == Mode.InTopArray ? Mode.TopLevel : Mode.InPage);
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Problem(ref reader, "expected a study object in the array");
        }

        return Capture(ref reader, ref study, _mode);
    }

    private Step? InPage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            Commit(ref reader, Mode.TopLevel);
            return null;
        }

        var isStudies = reader.ValueTextEquals("studies"u8);
        if (!reader.Read())
        {
            return Step.NeedData;
        }

        if (isStudies && reader.TokenType == JsonTokenType.StartArray)
        {
            Commit(ref reader, Mode.InStudiesArray);
            return null;
        }

        if (isStudies && reader.TokenType != JsonTokenType.Null)
        {
            throw Problem(ref reader, "\"studies\" must be an array");
        }

        if (!reader.TrySkip())
        {
            return Step.NeedData;
        }

        Commit(ref reader, Mode.InPage);
        return null;
    }

    private Step? Capture(ref Utf8JsonReader reader, ref ReadOnlyMemory<byte> study, Mode next)
    {
        var begin = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return Step.NeedData;
        }

        study = _buffer.AsMemory(_start + begin, (int)reader.BytesConsumed - begin);
        Commit(ref reader, next);
        return Step.Study;
    }

    private void Commit(ref Utf8JsonReader reader, Mode next)
    {
        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _mode = next;
    }
}
