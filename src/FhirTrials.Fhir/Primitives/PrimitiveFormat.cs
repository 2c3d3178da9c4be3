using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace FhirTrials.Fhir.Primitives;

/// <summary>A lexical rule: null when the value is valid, else the reason.</summary>
internal delegate string? LexicalRule(ReadOnlySpan<char> value);

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
        return Check(typeName, value.AsSpan());
    }

    /// <summary>Checks a string-valued primitive given as characters; null when valid, else the reason.</summary>
    public static string? Check(string typeName, ReadOnlySpan<char> value)
    {
        if (typeName is "string" or "markdown")
        {
            return value.Length == 0 ? "must not be empty" : null;
        }

        return Rules.TryGetValue(typeName, out var rule) ? rule(value) : null;
    }

    /// <summary>The lexical rule of a type whose values must be looked at character by character; null for types with none (string, markdown, xhtml, ...).</summary>
    internal static LexicalRule? RuleFor(string typeName) => Rules.GetValueOrDefault(typeName);

    private static readonly FrozenDictionary<string, LexicalRule> Rules = new Dictionary<string, LexicalRule>(StringComparer.Ordinal)
    {
        ["date"] = DateTimeFormat.CheckDate,
        ["dateTime"] = DateTimeFormat.CheckDateTime,
        ["instant"] = DateTimeFormat.CheckInstant,
        ["time"] = DateTimeFormat.CheckTime,
        ["id"] = CheckId,
        ["code"] = CheckCode,
        ["uri"] = CheckUri,
        ["url"] = CheckUri,
        ["canonical"] = CheckUri,
        ["oid"] = static value => OidRegex().IsMatch(value) ? null : "expected urn:oid: followed by dotted numbers, e.g. urn:oid:1.2.3",
        ["uuid"] = static value => UuidRegex().IsMatch(value) ? null : "expected urn:uuid: followed by a lower-case UUID",
        ["base64Binary"] = CheckBase64,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static string? CheckUri(ReadOnlySpan<char> value) => value.IndexOfAny(" \t\r\n") >= 0 ? "a URI must not contain whitespace" : null;

    private static string? CheckId(ReadOnlySpan<char> value)
    {
        if (value.Length is 0 or > 64)
        {
            return "an id has 1 to 64 characters";
        }

        return value.IndexOfAnyExcept(IdChars) >= 0 ? "an id may only contain A-Z, a-z, 0-9, '-' and '.'" : null;
    }

    private static string? CheckCode(ReadOnlySpan<char> span)
    {
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

    private static string? CheckBase64(ReadOnlySpan<char> span)
    {
        // The usual form, one run of groups without whitespace, in one vectorized scan.
        if (span.Length > 0 && span.Length % 4 == 0 && span.IndexOfAnyExcept(Base64Chars) < 0)
        {
            return null;
        }

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
