using System.Buffers;
using System.Runtime.CompilerServices;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Finds the end of a JSON object or array that the importer does not read (results, document and annotation
/// sections, MeSH trees), checking it by the rules of a strict <see cref="System.Text.Json.Utf8JsonReader"/>
/// (no comments, no trailing commas, the same string escapes and number grammar) without making tokens: several
/// times faster than skipping it with the reader. Anything it does not accept is answered with -1, and the caller
/// lets the reader skip the value instead, which reports the exact error.
/// </summary>
internal static class StrictJsonSkip
{
    private const int MaxNesting = 256;

    /// <summary>Quote, backslash and the control characters that a string may not hold unescaped.</summary>
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(control => (byte)control)]);

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    private enum Expect
    {
        Value,
        ValueOrEnd,
        Name,
        NameOrEnd,
        Separator,
    }

    /// <summary>
    /// The length of the object or array that <paramref name="json"/> starts with, when it is well-formed and
    /// opens at most <paramref name="containersAllowed"/> nested containers; otherwise -1.
    /// </summary>
    public static int ValueLength(ReadOnlySpan<byte> json, int containersAllowed)
    {
        Span<bool> isArray = stackalloc bool[MaxNesting];
        var limit = Math.Min(containersAllowed, MaxNesting);
        var depth = 0;
        var expect = Expect.Value;
        var i = 0;
        while ((i = SkipWhitespace(json, i)) < json.Length)
        {
            switch (json[i])
            {
                case (byte)'{' or (byte)'[' when expect is Expect.Value or Expect.ValueOrEnd && depth < limit:
                    isArray[depth++] = json[i] == (byte)'[';
                    expect = isArray[depth - 1] ? Expect.ValueOrEnd : Expect.NameOrEnd;
                    i++;
                    break;
                case (byte)'}' when expect is Expect.NameOrEnd or Expect.Separator && !isArray[depth - 1]:
                case (byte)']' when expect is Expect.ValueOrEnd or Expect.Separator && isArray[depth - 1]:
                    i++;
                    if (--depth == 0)
                    {
                        return i;
                    }

                    expect = Expect.Separator;
                    break;
                case (byte)',' when expect == Expect.Separator:
                    expect = isArray[depth - 1] ? Expect.Value : Expect.Name;
                    i++;
                    break;
                case (byte)'"' when expect is Expect.Name or Expect.NameOrEnd:
                    i = SkipWhitespace(json, SkipString(json, i));
                    if (i < 0 || i >= json.Length || json[i] != (byte)':')
                    {
                        return -1;
                    }

                    expect = Expect.Value;
                    i++;
                    break;
                default:
                    i = expect is Expect.Value or Expect.ValueOrEnd && depth > 0 ? SkipScalar(json, i) : -1;
                    if (i < 0)
                    {
                        return -1;
                    }

                    expect = Expect.Separator;
                    break;
            }
        }

        return -1;
    }

    /// <summary>The position of the first byte from <paramref name="i"/> on that is not white space (-1 stays -1).</summary>
    /// <remarks>Runs of spaces (indentation) are searched vectorized.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while ((uint)i < (uint)json.Length)
        {
            switch (json[i])
            {
                case (byte)' ' when i + 1 < json.Length && json[i + 1] == (byte)' ':
                    var run = json[(i + 2)..].IndexOfAnyExcept((byte)' ');
                    i = run < 0 ? json.Length : i + 2 + run;
                    break;
                case (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t':
                    i++;
                    break;
                default:
                    return i;
            }
        }

        return i;
    }

    private static int SkipScalar(ReadOnlySpan<byte> json, int i) => json[i] switch
    {
        (byte)'"' => SkipString(json, i),
        (byte)'t' => json[i..].StartsWith("true"u8) ? i + 4 : -1,
        (byte)'f' => json[i..].StartsWith("false"u8) ? i + 5 : -1,
        (byte)'n' => json[i..].StartsWith("null"u8) ? i + 4 : -1,
        _ => SkipNumber(json, i),
    };

    /// <summary>The position after the string that starts at <paramref name="i"/> (its opening quote), or -1.</summary>
    private static int SkipString(ReadOnlySpan<byte> json, int i)
    {
        i++;
        while (true)
        {
            var stop = i < json.Length ? json[i..].IndexOfAny(StringStops) : -1;
            if (stop < 0)
            {
                return -1;
            }

            i += stop;
            if (json[i] == (byte)'"')
            {
                return i + 1;
            }

            if (json[i] != (byte)'\\' || i + 1 >= json.Length)
            {
                return -1;
            }

            var escaped = json[i + 1];
            if (escaped == (byte)'u')
            {
                if (i + 6 > json.Length || json.Slice(i + 2, 4).ContainsAnyExcept(HexDigits))
                {
                    return -1;
                }

                i += 6;
            }
            else if (escaped is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t')
            {
                i += 2;
            }
            else
            {
                return -1;
            }
        }
    }

    /// <summary>The position after the number at <paramref name="i"/> (JSON grammar, no leading zeros), or -1.</summary>
    private static int SkipNumber(ReadOnlySpan<byte> json, int i)
    {
        if (json[i] == (byte)'-')
        {
            i++;
        }

        if (i < json.Length && json[i] == (byte)'0')
        {
            i++;
        }
        else if ((i = Digits(json, i)) < 0)
        {
            return -1;
        }

        if (i < json.Length && json[i] == (byte)'.' && (i = Digits(json, i + 1)) < 0)
        {
            return -1;
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            return Digits(json, i);
        }

        return i;
    }

    /// <summary>The position after one or more digits at <paramref name="i"/>, or -1 when there is none.</summary>
    private static int Digits(ReadOnlySpan<byte> json, int i)
    {
        var start = i;
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i > start ? i : -1;
    }
}
