namespace FhirTrials.Fhir.ElementModel;

/// <summary>A 1-based line and column in a source text.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}

/// <summary>
/// The UTF-8 source of a parsed tree: its name and bytes, so that byte offsets recorded on nodes can
/// be turned into lines and columns (in characters) only when someone asks, and primitive values can
/// stay undecoded slices of it (<see cref="LexicalText"/>). The bytes must not change after parsing.
/// </summary>
internal sealed class SourceText
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private int[]? _lineStarts;

    public SourceText(string? name, ReadOnlyMemory<byte> utf8)
    {
        Name = name;
        _utf8 = utf8;
    }

    public string? Name { get; }

    /// <summary>The source bytes.</summary>
    public ReadOnlySpan<byte> Utf8 => _utf8.Span;

    public SourcePosition PositionOf(int offset)
    {
        var starts = _lineStarts ??= ComputeLineStarts(_utf8.Span);
        var line = Array.BinarySearch(starts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var lineStart = starts[line];
        var prefix = _utf8.Span[lineStart..Math.Min(offset, _utf8.Length)];
        var column = System.Text.Encoding.UTF8.GetCharCount(prefix) + 1;
        return new SourcePosition(line + 1, column);
    }

    private static int[] ComputeLineStarts(ReadOnlySpan<byte> utf8)
    {
        var starts = new List<int> { 0 };
        var position = 0;
        while (true)
        {
            var next = utf8[position..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            position += next + 1;
            starts.Add(position);
        }

        return [.. starts];
    }
}
