using System.Buffers;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Buffer management: refills, compaction, and line positions of discarded input.</summary>
internal sealed partial class StudyStreamScanner
{
    /// <summary>
    /// A buffer size for <paramref name="stream"/>: its remaining length when known (a file holding one study
    /// is then read in one call and never copied), within bounds so that a huge page still streams.
    /// </summary>
    public static int BufferSizeFor(Stream stream) =>
        stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 4096, 1 << 20) : DefaultBufferSize;

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Fill()
    {
        MakeRoom();
        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        Filled(read);
    }

    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        MakeRoom();
        var read = await stream.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), cancellationToken);
        Filled(read);
    }

    /// <summary>0-based line and byte-in-line of a position in the current buffer.</summary>
    private (long Line, long Byte) PositionOf(int bufferOffset)
    {
        var before = _buffer.AsSpan(0, bufferOffset);
        var lastNewline = before.LastIndexOf((byte)'\n');
        return lastNewline < 0
            ? (_discardedLines, _discardedLineTail + bufferOffset)
            : (_discardedLines + before.Count((byte)'\n'), bufferOffset - lastNewline - 1);
    }

    private JsonException Problem(ref Utf8JsonReader reader, string reason)
    {
        var (line, column) = PositionOf(_start + (int)reader.TokenStartIndex);
        return new JsonException(reason, null, line, column);
    }

    private void MakeRoom()
    {
        if (_start > 0)
        {
            var discarded = _buffer.AsSpan(0, _start);
            var lastNewline = discarded.LastIndexOf((byte)'\n');
            _discardedLines += discarded.Count((byte)'\n');
            _discardedLineTail = lastNewline < 0 ? _discardedLineTail + _start : _start - lastNewline - 1;
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            PooledBuffer.Grow(ref _buffer, _end);
        }
    }

    private void Filled(int read)
    {
        if (read == 0)
        {
            _final = true;
        }

        _end += read;
    }
}
