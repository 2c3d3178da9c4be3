using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// The FHIR writers' JSON output: UTF-8 appended to one growable array, compact or indented, byte for
/// byte what <see cref="Utf8JsonWriter"/> writes with <see cref="FhirJsonSerializer.WriterOptions"/>
/// (a test gives both the same token sequences and compares the bytes). It does none of the writer's
/// validation and keeps no state beyond the separator and the depth, which is all a serializer of a
/// well-formed model needs, and it can take back what it wrote (<see cref="Rewind"/>): an element is
/// written first and dropped if it turned out empty (ADR 0010).
/// One instance is reused per thread (<see cref="Rent"/>); an instance is not thread-safe.
/// </summary>
internal sealed partial class JsonOutput : IDisposable
{
    private const int InitialCapacity = 1 << 16;
    private const int RetainedCapacity = 1 << 24;

    [ThreadStatic]
    private static JsonOutput? _cached;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
    private int _length;
    private int _depth;
    private bool _separator;
    private bool _afterName;
    private bool _indented;
    private byte[] _newLine = "\n"u8.ToArray();
    private byte _indentByte = (byte)' ';
    private int _indentSize = 2;

    /// <summary>A cleared output for this thread (the cached one unless it is in use); dispose it to give it back.</summary>
    public static JsonOutput Rent(JsonWriterOptions options)
    {
        var output = _cached ?? new JsonOutput();
        _cached = null;
        output.Reset(options);
        return output;
    }

    /// <summary>The bytes written so far; valid until the next write or <see cref="Dispose"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public bool Indented => _indented;

    public void Dispose()
    {
        if (_buffer.Length > RetainedCapacity)
        {
            // One huge resource must not keep its buffer alive on this thread.
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(InitialCapacity);
        }

        _cached = this;
    }

    /// <summary>True while the container opened last has no member: what an empty FHIR element writes.</summary>
    public bool IsEmptyContainer => !_separator;

    /// <summary>A point to come back to with <see cref="Rewind"/>.</summary>
    public Mark GetMark() => new(_length, _depth, _separator, _afterName);

    /// <summary>
    /// Forgets everything written since <paramref name="mark"/>: an element is written optimistically and taken
    /// back when it turns out to have no content, which costs less than asking every element whether it is
    /// empty before writing it.
    /// </summary>
    public void Rewind(Mark mark) => (_length, _depth, _separator, _afterName) = (mark.Length, mark.Depth, mark.Separator, mark.AfterName);

    public void WriteStartObject() => WriteStart((byte)'{');

    public void WriteStartObject(JsonEncodedText name)
    {
        WritePropertyName(name);
        WriteStart((byte)'{');
    }

    public void WriteEndObject() => WriteEnd((byte)'}');

    public void WriteStartArray() => WriteStart((byte)'[');

    public void WriteStartArray(JsonEncodedText name)
    {
        WritePropertyName(name);
        WriteStart((byte)'[');
    }

    public void WriteEndArray() => WriteEnd((byte)']');

    /// <summary>A pre-encoded property name (escaped, without quotes).</summary>
    public void WritePropertyName(JsonEncodedText name)
    {
        var bytes = name.EncodedUtf8Bytes;
        var span = Reserve(bytes.Length + 4 + _newLine.Length + _depth * _indentSize);
        var at = WriteNameSeparator(span);
        span[at++] = (byte)'"';
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
        span[at++] = (byte)'"';
        span[at++] = (byte)':';
        if (_indented)
        {
            span[at++] = (byte)' ';
        }

        _length += at;
        _afterName = true;
    }

    public void WriteNullValue() => WriteLiteral("null"u8);

    public void WriteBooleanValue(bool value) => WriteLiteral(value ? "true"u8 : "false"u8);

    /// <summary>
    /// JSON text written as it is (a number, or a value already encoded), as the next value. As with
    /// <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>, an array item gets its comma
    /// but no new line, even when indented.
    /// </summary>
    public void WriteRawValue(ReadOnlySpan<byte> json)
    {
        var span = Reserve(json.Length + 1);
        var at = WriteRawSeparator(span);
        json.CopyTo(span[at..]);
        Commit(at + json.Length);
    }

    /// <summary>An ASCII number written as it is, as the next value (placed as <see cref="WriteRawValue(ReadOnlySpan{byte})"/> places it).</summary>
    public void WriteRawValue(string number)
    {
        var span = Reserve(number.Length * 3 + 1);
        var at = WriteRawSeparator(span);
        at += System.Text.Encoding.UTF8.GetBytes(number, span[at..]);
        Commit(at);
    }

    private void WriteStart(byte token)
    {
        var span = Reserve(2 + _newLine.Length + _depth * _indentSize);
        var at = WriteValueSeparator(span);
        span[at++] = token;
        _length += at;
        _depth++;
        _separator = false;
    }

    private void WriteEnd(byte token)
    {
        _depth--;
        var span = Reserve(1 + _newLine.Length + _depth * _indentSize);
        var at = 0;
        if (_indented && _separator)
        {
            // A container with members closes on its own line; an empty one stays {} or [].
            at = WriteNewLine(span);
        }

        span[at++] = token;
        Commit(at);
    }

    private void WriteLiteral(ReadOnlySpan<byte> literal)
    {
        var span = Reserve(literal.Length + 1 + _newLine.Length + _depth * _indentSize);
        var at = WriteValueSeparator(span);
        literal.CopyTo(span[at..]);
        Commit(at + literal.Length);
    }

    /// <summary>Before a value: nothing after a property name, else the comma and (indented, inside a container) the line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int WriteValueSeparator(Span<byte> span)
    {
        if (_afterName)
        {
            _afterName = false;
            return 0;
        }

        var at = 0;
        if (_separator)
        {
            span[at++] = (byte)',';
        }

        return _indented && _depth > 0 ? at + WriteNewLine(span[at..]) : at;
    }

    private int WriteRawSeparator(Span<byte> span)
    {
        if (_afterName)
        {
            _afterName = false;
            return 0;
        }

        if (_separator)
        {
            span[0] = (byte)',';
            return 1;
        }

        return 0;
    }

    private int WriteNameSeparator(Span<byte> span)
    {
        var at = 0;
        if (_separator)
        {
            span[at++] = (byte)',';
        }

        return _indented ? at + WriteNewLine(span[at..]) : at;
    }

    private int WriteNewLine(Span<byte> span)
    {
        _newLine.CopyTo(span);
        var indent = _depth * _indentSize;
        span.Slice(_newLine.Length, indent).Fill(_indentByte);
        return _newLine.Length + indent;
    }

    /// <summary>Ends a value: the next one in the container needs a comma.</summary>
    private void Commit(int written)
    {
        _length += written;
        _separator = true;
    }

    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }

        return _buffer.AsSpan(_length);
    }

    private void Grow(int size)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + size));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void Reset(JsonWriterOptions options)
    {
        _length = 0;
        _depth = 0;
        _separator = false;
        _afterName = false;
        _indented = options.Indented;
        _indentByte = (byte)options.IndentCharacter;
        _indentSize = options.IndentSize;
        if (options.NewLine.Length != _newLine.Length || options.NewLine[0] != _newLine[0])
        {
            _newLine = System.Text.Encoding.UTF8.GetBytes(options.NewLine);
        }
    }

    /// <summary>The output's position and separator state at one point.</summary>
    internal readonly record struct Mark(int Length, int Depth, bool Separator, bool AfterName);
}
