using System.Buffers;
using System.Text.RegularExpressions;

namespace FhirTrials.Fhir.Primitives;

/// <summary>
/// The lexical rules of the R4 primitive types (the regular expressions of their StructureDefinitions,
/// plus real calendar dates), as fast checks that say what is wrong.
/// </summary>
public static partial class PrimitiveFormat
{
    private static readonly SearchValues<char> IdChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");
    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    /// <summary>Checks a string-valued primitive; null when <paramref name="value"/> is valid, else the reason.</summary>
    public static string? Check(string typeName, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return typeName switch
        {
            "date" => DateTimeFormat.CheckDate(value),
            "dateTime" => DateTimeFormat.CheckDateTime(value),
            "instant" => DateTimeFormat.CheckInstant(value),
            "time" => DateTimeFormat.CheckTime(value),
            "id" => CheckId(value),
            "code" => CheckCode(value),
            "uri" or "url" or "canonical" => value.AsSpan().IndexOfAny(" \t\r\n") >= 0 ? "a URI must not contain whitespace" : null,
            "oid" => OidRegex().IsMatch(value) ? null : "expected urn:oid: followed by dotted numbers, e.g. urn:oid:1.2.3",
            "uuid" => UuidRegex().IsMatch(value) ? null : "expected urn:uuid: followed by a lower-case UUID",
            "base64Binary" => CheckBase64(value),
            "string" or "markdown" => value.Length == 0 ? "must not be empty" : null,
            _ => null,
        };
    }

    private static string? CheckId(string value)
    {
        if (value.Length is 0 or > 64)
        {
            return "an id has 1 to 64 characters";
        }

        return value.AsSpan().IndexOfAnyExcept(IdChars) >= 0 ? "an id may only contain A-Z, a-z, 0-9, '-' and '.'" : null;
    }

    private static string? CheckCode(string value)
    {
        var span = value.AsSpan();
        if (span.Length == 0 || IsRegexSpace(span[0]) || IsRegexSpace(span[^1]))
        {
            return "a code has no leading or trailing whitespace";
        }

        for (var i = 1; i < span.Length; i++)
        {
            if (IsRegexSpace(span[i]) && IsRegexSpace(span[i - 1]))
            {
                return "a code has single spaces only";
            }
        }

        return null;
    }

    /// <summary>Whitespace as the spec's regular expressions mean it (<c>\s</c>: ASCII space, tab, line breaks, form feed).</summary>
    private static bool IsRegexSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';

    private static string? CheckBase64(string value)
    {
        var span = value.AsSpan();
        var i = 0;
        var groups = 0;
        while (i < span.Length)
        {
            while (i < span.Length && IsRegexSpace(span[i]))
            {
                i++;
            }

            if (i == span.Length)
            {
                break;
            }

            if (i + 4 > span.Length || span.Slice(i, 4).IndexOfAnyExcept(Base64Chars) >= 0)
            {
                return "expected base64 characters in groups of four";
            }

            i += 4;
            groups++;
        }

        return groups == 0 ? "no base64 content" : null;
    }

    [GeneratedRegex(@"^urn:oid:[0-2](\.(0|[1-9][0-9]*))+\z", RegexOptions.CultureInvariant)]
    private static partial Regex OidRegex();

    [GeneratedRegex(@"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex UuidRegex();
}
