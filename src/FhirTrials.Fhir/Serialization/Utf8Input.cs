using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// JSON text must be UTF-8 (RFC 8259), and the reader does not check the bytes inside strings: values are
/// kept as slices of the source and would fail only when decoded or written. Parsing checks the whole input
/// once up front (vectorised; ASCII costs almost nothing) so a bad byte is reported with its position.
/// </summary>
internal static class Utf8Input
{
    /// <summary>The offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> utf8)
    {
        if (Utf8.IsValid(utf8))
        {
            return -1;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    /// <summary>
    /// A copy with every ill-formed sequence replaced by as many '?' as it had bytes, so that every other byte
    /// keeps its offset (and the positions of later issues stay right) and lenient parsing can go on.
    /// </summary>
    public static byte[] WithInvalidReplaced(ReadOnlySpan<byte> utf8)
    {
        var copy = utf8.ToArray();
        var offset = 0;
        while (offset < copy.Length)
        {
            var status = Rune.DecodeFromUtf8(copy.AsSpan(offset), out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                copy.AsSpan(offset, Math.Max(consumed, 1)).Fill((byte)'?');
            }

            offset += Math.Max(consumed, 1);
        }

        return copy;
    }
}
