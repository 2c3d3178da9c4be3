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

    /// <summary>Byte offset where the 0-based <paramref name="line"/> starts.</summary>
    public static int LineStartOffset(ReadOnlySpan<byte> utf8, long line)
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

        return lineStart;
    }
}
