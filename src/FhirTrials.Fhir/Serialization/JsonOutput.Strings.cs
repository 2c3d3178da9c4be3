using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Strings: transcoded straight into the output and checked with the relaxed encoder. The two-character
/// escapes (line breaks, tabs, quotes, backslashes) are written in place, from a table asked of the encoder;
/// a string that needs any other escape (a control or unassigned character, a lone surrogate) is escaped by
/// <see cref="Utf8JsonWriter"/> itself, so the escapes are exactly its own.
/// </summary>
internal sealed partial class JsonOutput
{
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonWriterOptions EscaperOptions = new() { Encoder = Relaxed, SkipValidation = true };

    /// <summary>Per byte, the letter of its two-character escape (<c>\\n</c>, <c>\\"</c>...) as the relaxed encoder writes it; 0 for none.</summary>
    internal static readonly byte[] ShortEscapes = ShortEscapesOf(Relaxed);

    private byte[] _scratch = new byte[256];
    private ArrayBufferWriter<byte>? _escaped;
    private Utf8JsonWriter? _escaper;

    public void WriteStringValue(string value)
    {
        // The separator only: AppendQuoted makes room for the string itself.
        var span = Reserve(1 + _newLine.Length + _depth * _indentSize);
        _length += WriteValueSeparator(span);
        AppendQuoted(value);
        _separator = true;
    }

    /// <summary>A string value given as unescaped UTF-8.</summary>
    public void WriteStringValue(ReadOnlySpan<byte> utf8)
    {
        var span = Reserve(utf8.Length + 3 + _newLine.Length + _depth * _indentSize);
        _length += WriteValueSeparator(span);
        if (Relaxed.FindFirstCharacterToEncodeUtf8(utf8) < 0)
        {
            span = _buffer.AsSpan(_length);
            span[0] = (byte)'"';
            utf8.CopyTo(span[1..]);
            span[utf8.Length + 1] = (byte)'"';
            Commit(utf8.Length + 2);
            return;
        }

        var escaper = Escaper();
        escaper.WriteStringValue(utf8);
        AppendEscaped(escaper);
        _separator = true;
    }

    public void WriteString(JsonEncodedText name, string value)
    {
        WritePropertyName(name);
        WriteStringValue(value);
    }

    /// <summary>A property whose string value is pre-encoded (escaped, without quotes).</summary>
    public void WriteString(JsonEncodedText name, JsonEncodedText value)
    {
        WritePropertyName(name);
        var bytes = value.EncodedUtf8Bytes;
        var span = Reserve(bytes.Length + 2);
        span[0] = (byte)'"';
        bytes.CopyTo(span[1..]);
        span[bytes.Length + 1] = (byte)'"';
        _afterName = false;
        Commit(bytes.Length + 2);
    }

    public void WriteBoolean(JsonEncodedText name, bool value)
    {
        WritePropertyName(name);
        WriteBooleanValue(value);
    }

    /// <summary>A property name given as text (escaped as the writer escapes names).</summary>
    public void WritePropertyName(string name)
    {
        var span = Reserve(1 + _newLine.Length + _depth * _indentSize);
        _length += WriteNameSeparator(span);
        AppendQuoted(name);
        span = Reserve(2);
        span[0] = (byte)':';
        span[1] = (byte)' ';
        _length += _indented ? 2 : 1;
        _afterName = true;
    }

    /// <summary>Appends <paramref name="value"/> in quotes, escaped where needed.</summary>
    private void AppendQuoted(string value)
    {
        // Room for the worst case of the short escapes (two bytes per ASCII character) and UTF-8 (three per character).
        var span = Reserve(value.Length * 3 + 2 + Math.Min(value.Length, 1 << 20) * 2 + 2);
        span[0] = (byte)'"';
        var status = Utf8.FromUtf16(value, span[1..], out _, out var written, replaceInvalidSequences: false);
        var first = status == OperationStatus.Done ? Relaxed.FindFirstCharacterToEncodeUtf8(span.Slice(1, written)) : 0;
        if (first < 0)
        {
            span[written + 1] = (byte)'"';
            _length += written + 2;
            return;
        }

        if (status == OperationStatus.Done && value.Length <= 1 << 20 && TryEscapeShort(span, first + 1, written + 1) is var end and > 0)
        {
            span[end] = (byte)'"';
            _length += end + 1;
            return;
        }

        var escaper = Escaper();
        escaper.WriteStringValue(value);
        AppendEscaped(escaper);
    }

    /// <summary>
    /// Escapes in place the UTF-8 in <paramref name="span"/> from <paramref name="first"/> (the first byte to
    /// escape) to <paramref name="end"/> when every byte to escape has a two-character escape (line breaks,
    /// tabs, quotes, backslashes: nearly every text that needs any); returns the new end, or 0 when another
    /// escape is needed, which the writer's own escaping then does.
    /// </summary>
    private int TryEscapeShort(Span<byte> span, int first, int end)
    {
        var tail = end - first;
        if (_scratch.Length < tail)
        {
            _scratch = new byte[Math.Max(tail, _scratch.Length * 2)];
        }

        span[first..end].CopyTo(_scratch);
        var rest = _scratch.AsSpan(0, tail);
        var at = first;
        while (true)
        {
            var next = Relaxed.FindFirstCharacterToEncodeUtf8(rest);
            if (next < 0)
            {
                rest.CopyTo(span[at..]);
                return at + rest.Length;
            }

            var letter = ShortEscapes[rest[next]];
            if (letter == 0)
            {
                return 0;
            }

            rest[..next].CopyTo(span[at..]);
            at += next;
            span[at++] = (byte)'\\';
            span[at++] = letter;
            rest = rest[(next + 1)..];
        }
    }

    private Utf8JsonWriter Escaper()
    {
        _escaped ??= new ArrayBufferWriter<byte>(1024);
        _escaped.ResetWrittenCount();
        if (_escaper is null)
        {
            _escaper = new Utf8JsonWriter(_escaped, EscaperOptions);
        }
        else
        {
            _escaper.Reset(_escaped);
        }

        return _escaper;
    }

    private void AppendEscaped(Utf8JsonWriter escaper)
    {
        escaper.Flush();
        var quoted = _escaped!.WrittenSpan;
        quoted.CopyTo(Reserve(quoted.Length));
        _length += quoted.Length;
    }

    private static byte[] ShortEscapesOf(JavaScriptEncoder encoder)
    {
        var table = new byte[256];
        foreach (var (letter, value) in new[] { ('"', '"'), ('\\', '\\'), ('/', '/'), ('b', '\b'), ('f', '\f'), ('n', '\n'), ('r', '\r'), ('t', '\t') })
        {
            var encoded = JsonEncodedText.Encode(value.ToString(), encoder).EncodedUtf8Bytes;
            if (encoded.Length == 2 && encoded[0] == (byte)'\\' && encoded[1] == (byte)letter)
            {
                table[value] = (byte)letter;
            }
        }

        return table;
    }
}
