using System.Runtime.CompilerServices;
using System.Text.Json;
using FhirTrials.Fhir.Serialization;

namespace FhirTrials.Fhir.ElementModel;

/// <summary>
/// A primitive's lexical value: a string, or a slice of the UTF-8 JSON source (a string's content or a
/// number) that is decoded on the first read and cached. Until then writers copy the source bytes
/// without ever building a string. Holds a reference to the source, which must not change.
/// </summary>
internal struct LexicalText
{
    private const int EscapedBit = 1 << 30;
    private const int NumberBit = 1 << 29;
    private const int LengthMask = NumberBit - 1;

    // null, the value as a string, or the SourceText the slice [_start, _start + length) belongs to.
    private object? _value;
    private int _start;
    private int _slice;

    /// <summary>A JSON string's content (between the quotes, still escaped when <paramref name="escaped"/>) or a JSON number's text.</summary>
    public static LexicalText FromSource(SourceText source, int start, int length, bool escaped, bool number) => new()
    {
        _value = source,
        _start = start,
        _slice = length | (escaped ? EscapedBit : 0) | (number ? NumberBit : 0),
    };

    public readonly bool HasValue => _value is not null;

    /// <summary>True when there is no value or it is the empty string; never decodes.</summary>
    public readonly bool IsNullOrEmpty => _value switch
    {
        null => true,
        string text => text.Length == 0,
        _ => (_slice & LengthMask) == 0,
    };

    /// <summary>The value as a string, decoding (once) a source slice.</summary>
    public string? Get()
    {
        var value = _value;
        if (value is null or string)
        {
            return Unsafe.As<string?>(value);
        }

        var text = Decode(Unsafe.As<SourceText>(value));
        _value = text;
        return text;
    }

    public void Set(string? value)
    {
        _value = value;
        _start = 0;
        _slice = 0;
    }

    /// <summary>
    /// The source bytes of a value that was never decoded or replaced: a string's content (escaped as in
    /// the source when <paramref name="escaped"/>) or a number's text (<paramref name="number"/>).
    /// </summary>
    public readonly bool TryGetSource(out ReadOnlySpan<byte> utf8, out bool escaped, out bool number)
    {
        if (_value is SourceText source)
        {
            utf8 = source.Utf8.Slice(_start, _slice & LengthMask);
            escaped = (_slice & EscapedBit) != 0;
            number = (_slice & NumberBit) != 0;
            return true;
        }

        utf8 = default;
        escaped = number = false;
        return false;
    }

    /// <summary>A JSON reader standing on the escaped string value (quotes included), to unescape it with the reader's own rules.</summary>
    public readonly Utf8JsonReader EscapedStringReader()
    {
        var source = (SourceText)_value!;
        var reader = new Utf8JsonReader(source.Utf8.Slice(_start - 1, (_slice & LengthMask) + 2));
        reader.Read();
        return reader;
    }

    private readonly string Decode(SourceText source)
    {
        if ((_slice & EscapedBit) == 0)
        {
            return Utf8StringCache.Get(source.Utf8.Slice(_start, _slice & LengthMask));
        }

        return EscapedStringReader().GetString()!;
    }
}
