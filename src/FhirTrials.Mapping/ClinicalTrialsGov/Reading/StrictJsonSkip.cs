using System.Buffers;

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

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

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
        while (true)
        {
            i = SkipWhitespace(json, i);
            if (i >= json.Length)
            {
                return -1;
            }

            var c = json[i];
            var opens = c is (byte)'{' or (byte)'[';
            var closes = c == (byte)'}' && expect is Expect.NameOrEnd or Expect.Separator && depth > 0 && !isArray[depth - 1]
                || c == (byte)']' && expect is Expect.ValueOrEnd or Expect.Separator && depth > 0 && isArray[depth - 1];
            if (opens && expect is Expect.Value or Expect.ValueOrEnd)
            {
                if (depth >= limit)
                {
                    return -1;
                }

                isArray[depth++] = c == (byte)'[';
                expect = c == (byte)'[' ? Expect.ValueOrEnd : Expect.NameOrEnd;
                i++;
            }
            else if (closes)
            {
                i++;
                if (--depth == 0)
                {
                    return i;
                }

                expect = Expect.Separator;
            }
            else if (expect == Expect.Separator)
            {
                if (c != (byte)',')
                {
                    return -1;
                }

                expect = isArray[depth - 1] ? Expect.Value : Expect.Name;
                i++;
            }
            else if (expect is Expect.Name or Expect.NameOrEnd)
            {
                i = c == (byte)'"' ? SkipString(json, i) : -1;
                i = i < 0 ? -1 : SkipWhitespace(json, i);
                if (i < 0 || i >= json.Length || json[i] != (byte)':')
                {
                    return -1;
                }

                expect = Expect.Value;
                i++;
            }
            else
            {
                i = depth == 0 ? -1 : SkipScalar(json, i);
                if (i < 0)
                {
                    return -1;
                }

                expect = Expect.Separator;
            }
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        if (i < json.Length && Whitespace.Contains(json[i]))
        {
            var rest = json[i..].IndexOfAnyExcept(Whitespace);
            return rest < 0 ? json.Length : i + rest;
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
