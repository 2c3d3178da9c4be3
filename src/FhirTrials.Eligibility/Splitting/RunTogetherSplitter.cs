using System.Globalization;
using FhirTrials.Eligibility.Text;

namespace FhirTrials.Eligibility.Splitting;

/// <summary>One piece of a run-together list: its marker as written and its text.</summary>
internal sealed record ListPiece(string Marker, string Text);

/// <summary>
/// Splits list items written on one line: "1.Understanding ...; 2.18 Years to 65 Years ...; 3.Diagnosed ...",
/// "8. Previous transplant. 9. Hypersensitivity ... 10.Pregnant", "a.Neutrophils ...; b.Hemoglobin ...",
/// and the glued "1moderate psoriasis ... 218 to 65 years old 3written consent". Only markers that continue the
/// numbering (one letter may be skipped) and stand at a clause boundary are taken.
/// </summary>
internal static class RunTogetherSplitter
{
    /// <summary>Splits <paramref name="text"/>, which follows a marker of <paramref name="kind"/> and value <paramref name="value"/>.</summary>
    public static List<ListPiece>? Split(string text, MarkerKind kind, int value)
    {
        if (kind is not (MarkerKind.Number or MarkerKind.Letter or MarkerKind.Glued))
        {
            return null;
        }

        List<ListPiece>? pieces = null;
        var start = 0;
        var expected = value + 1;
        var position = 0;
        string? currentMarker = null;
        while (true)
        {
            var (found, markerLength, actual) = FindNext(text, position, kind, expected);
            if (found < 0)
            {
                break;
            }

            pieces ??= [];
            pieces.Add(new ListPiece(currentMarker ?? "", text[start..found].Trim()));
            currentMarker = text.Substring(found, markerLength).Trim();
            start = found + markerLength;
            position = start;
            expected = actual + 1;
        }

        if (pieces is null)
        {
            return null;
        }

        pieces.Add(new ListPiece(currentMarker!, text[start..].Trim()));
        return pieces;
    }

    /// <summary>For text that itself starts with "1." (e.g. after a bullet): the pieces from marker 1 on.</summary>
    public static List<ListPiece>? SplitLeadingNumbered(string text)
    {
        if (!ListMarker.TryParse(text, out var marker, out var rest) || marker.Kind != MarkerKind.Number || marker.Value != 1)
        {
            return null;
        }

        var pieces = Split(rest, MarkerKind.Number, 1);
        if (pieces is null)
        {
            return null;
        }

        pieces[0] = pieces[0] with { Marker = marker.Raw };
        return pieces;
    }

    private static (int Position, int Length, int Value) FindNext(string text, int from, MarkerKind kind, int expected)
    {
        var result = Find(text, from, kind, expected);
        if (result.Position < 0 && kind == MarkerKind.Letter)
        {
            result = Find(text, from, kind, expected + 1);
        }

        return result;
    }

    private static (int Position, int Length, int Value) Find(string text, int from, MarkerKind kind, int expected)
    {
        Span<char> buffer = stackalloc char[11];
        int tokenLength;
        if (kind == MarkerKind.Letter)
        {
            buffer[0] = (char)('a' + expected - 1);
            tokenLength = 1;
        }
        else if (!expected.TryFormat(buffer, out tokenLength, default, CultureInfo.InvariantCulture))
        {
            return (-1, 0, expected);
        }

        var token = buffer[..tokenLength];
        var comparison = kind == MarkerKind.Letter ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var index = from;
        while (index <= text.Length && text.AsSpan(index).IndexOf(token, comparison) is var offset and >= 0)
        {
            index += offset;
            var length = MarkerLengthAt(text, index, tokenLength, kind);
            if (length > 0)
            {
                return (index, length, expected);
            }

            index += tokenLength;
        }

        return (-1, 0, expected);
    }

    /// <summary>Length of the marker at <paramref name="index"/> (token plus punctuation and spaces), or 0.</summary>
    private static int MarkerLengthAt(string text, int index, int tokenLength, MarkerKind kind)
    {
        if (index == 0 || char.IsLetterOrDigit(text[index - 1]))
        {
            return 0;
        }

        var after = index + tokenLength;
        if (kind == MarkerKind.Glued)
        {
            return text[index - 1] == ' ' && after < text.Length && char.IsLetterOrDigit(text[after]) ? tokenLength : 0;
        }

        if (after < text.Length && text[after] == ' ' && kind == MarkerKind.Number)
        {
            after++;
        }

        if (after >= text.Length || ScanText.MapChar(text[after]) is not ('.' or ')' or ','))
        {
            return 0;
        }

        if (ScanText.MapChar(text[after]) == ',' && text[after] != '\u3001')
        {
            return 0;
        }

        var next = after + 1;
        var strong = StrongBoundaryBefore(text, index);
        if (next < text.Length && char.IsAsciiDigit(text[next]) && !strong)
        {
            return 0;
        }

        var textStart = next;
        while (textStart < text.Length && text[textStart] == ' ')
        {
            textStart++;
        }

        if (textStart >= text.Length || !char.IsLetterOrDigit(text[textStart]) && text[textStart] != '(')
        {
            return 0;
        }

        var weak = text[index - 1] == ' ' && textStart > next && char.IsUpper(text[textStart]);
        return strong || weak ? textStart - index : 0;
    }

    private static bool StrongBoundaryBefore(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i < 0 || ScanText.MapChar(text[i]) is '.' or ';' or ':' or ',' or ')' or '!' or '?';
    }
}
