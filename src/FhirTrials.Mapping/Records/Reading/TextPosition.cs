using System.Text;

namespace FhirTrials.Mapping.Records;

/// <summary>A 1-based line and column (column counted in characters, not bytes).</summary>
internal readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>Position of a byte offset in UTF-8 text.</summary>
    public static TextPosition FromOffset(ReadOnlySpan<byte> utf8, long offset)
    {
        var end = (int)Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..end];
        var line = before.Count((byte)'\n');
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new TextPosition(line + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    /// <summary>Position from a 0-based line and 0-based byte position in that line (as JsonException reports).</summary>
    public static TextPosition FromLineAndByte(ReadOnlySpan<byte> utf8, long line, long bytePositionInLine)
    {
        var lineStart = 0;
        for (long i = 0; i < line; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        var end = (int)Math.Clamp(lineStart + bytePositionInLine, lineStart, utf8.Length);
        return new TextPosition((int)line + 1, Encoding.UTF8.GetCharCount(utf8[lineStart..end]) + 1);
    }
}
