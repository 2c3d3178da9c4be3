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
    /// <summary>The longest source slice kept undecoded (longer values are decoded at once).</summary>
    public const int MaxSliceLength = (1 << KindShift) - 1;

    private const int EscapedBit = 1 << 30;
    private const int KindShift = 27;
    private const int KindMask = 7 << KindShift;
    private const int LengthMask = MaxSliceLength;

    // null, the value as a string, or the SourceText the slice [_start, _start + length) belongs to.
    private object? _value;
    private int _start;

    // The slice's length and escaped flag, and the JSON token kind (kept when the value is replaced).
    private int _slice;

    /// <summary>
    /// A JSON string's content (between the quotes, still escaped when <paramref name="escaped"/>) or a
    /// JSON number's text; <paramref name="length"/> is at most <see cref="MaxSliceLength"/>.
    /// </summary>
    public static LexicalText FromSource(SourceText source, int start, int length, bool escaped, JsonRawKind kind) => new()
    {
        _value = source,
        _start = start,
        _slice = length | (escaped ? EscapedBit : 0) | ((int)kind << KindShift),
    };

    /// <summary>A decoded value, remembering the JSON token it was read from.</summary>
    public static LexicalText FromString(string? value, JsonRawKind kind) => new()
    {
        _value = value,
        _slice = (int)kind << KindShift,
    };

    /// <summary>The JSON token the value was read from (<see cref="JsonRawKind.None"/> when built in code).</summary>
    public JsonRawKind Kind
    {
        readonly get => (JsonRawKind)((_slice & KindMask) >> KindShift);
        set => _slice = (_slice & ~KindMask) | ((int)value << KindShift);
    }

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
        _slice &= KindMask;
    }

    /// <summary>
    /// The source bytes of a value that was never decoded or replaced: a string's content (escaped as in
    /// the source when <paramref name="escaped"/>) or a number's text (when <see cref="Kind"/> is a number).
    /// </summary>
    public readonly bool TryGetSource(out ReadOnlySpan<byte> utf8, out bool escaped)
    {
        if (_value is SourceText source)
        {
            utf8 = source.Utf8.Slice(_start, _slice & LengthMask);
            escaped = (_slice & EscapedBit) != 0;
            return true;
        }

        utf8 = default;
        escaped = false;
        return false;
    }

    /// <summary>A source string value as the JSON token it was, quotes included.</summary>
    public readonly ReadOnlySpan<byte> QuotedSource() => ((SourceText)_value!).Utf8.Slice(_start - 1, (_slice & LengthMask) + 2);

    /// <summary>A JSON reader standing on the source string value, to unescape it with the reader's own rules.</summary>
    public readonly Utf8JsonReader EscapedStringReader()
    {
        var reader = new Utf8JsonReader(QuotedSource());
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
