using System.Buffers;
using System.Text.RegularExpressions;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>Undoes the markdown of ClinicalTrials.gov criteria: backslash escapes, HTML comments, a few entities.</summary>
internal static partial class MarkdownText
{
    /// <summary>Lines up to this length are unescaped in a stack buffer.</summary>
    private const int StackLimit = 512;

    /// <summary>Splits into lines (any newline convention) with escapes removed from each line.</summary>
    public static string[] Lines(string markdown)
    {
        var text = markdown.Contains("<!--", StringComparison.Ordinal) ? HtmlComment().Replace(markdown, " ") : markdown;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Unescape(lines[i].TrimEnd('\r'));
        }

        return lines;
    }

    /// <summary>Removes the backslash of "\&gt;", "\*", "\[" ... and decodes &amp;gt;, &amp;lt;, &amp;amp;.</summary>
    public static string Unescape(string line)
    {
        if (line.IndexOf('\\') < 0 && line.IndexOf('&') < 0)
        {
            return line;
        }

        var rented = line.Length > StackLimit ? ArrayPool<char>.Shared.Rent(line.Length) : null;
        Span<char> buffer = rented is null ? stackalloc char[StackLimit] : rented;
        var n = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length && !char.IsLetterOrDigit(line[i + 1]) && !char.IsWhiteSpace(line[i + 1]))
            {
                continue;
            }

            if (c == '&' && TryEntity(line.AsSpan(i), out var decoded, out var length))
            {
                buffer[n++] = decoded;
                i += length - 1;
                continue;
            }

            buffer[n++] = c;
        }

        var result = new string(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, out char decoded, out int length)
    {
        (decoded, length) = s switch
        {
            _ when s.StartsWith("&gt;", StringComparison.Ordinal) => ('>', 4),
            _ when s.StartsWith("&lt;", StringComparison.Ordinal) => ('<', 4),
            _ when s.StartsWith("&amp;", StringComparison.Ordinal) => ('&', 5),
            _ when s.StartsWith("&ge;", StringComparison.Ordinal) => ('≥', 4),
            _ when s.StartsWith("&le;", StringComparison.Ordinal) => ('≤', 4),
            _ => ('\0', 0),
        };
        return length > 0;
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlComment();
}
