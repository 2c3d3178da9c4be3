using System.Text;
using System.Text.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>Turning serializer exceptions into located, one-line format errors.</summary>
public static partial class TrialRecordReader
{
    private static TrialRecordFormatException FromJsonException(
        ReadOnlySpan<byte> json, string sourceName, JsonException exception, bool fromDeserializer)
    {
        var reason = JsonErrorText.Reason(exception);
        var lineStart = TextPosition.LineStartOffset(json, exception.LineNumber ?? 0);
        var offset = Math.Min(json.Length, lineStart + (int)(exception.BytePositionInLine ?? 0));
        if (fromDeserializer)
        {
            offset = JsonErrorText.PropertyNameIn(reason) is { } name
                ? PropertyStart(json[lineStart..offset], name) is var at and >= 0 ? lineStart + at : offset
                : reason.StartsWith("invalid ", StringComparison.Ordinal) ? TokenStart(json, lineStart, offset) : offset;
        }

        return new TrialRecordFormatException(
            sourceName, exception.Path ?? "$", TextPosition.FromOffset(json, offset), reason, exception);
    }

    /// <summary>Where <c>"name"</c> last starts in <paramref name="line"/>, or -1.</summary>
    private static int PropertyStart(ReadOnlySpan<byte> line, string name) =>
        line.LastIndexOf(Encoding.UTF8.GetBytes($"\"{name}\""));

    /// <summary>
    /// Start of the value token that ends just before <paramref name="end"/> (the serializer reports the
    /// position after the value it could not convert).
    /// </summary>
    private static int TokenStart(ReadOnlySpan<byte> json, int lineStart, int end)
    {
        var at = end - 1;
        if (at < lineStart)
        {
            return end;
        }

        if (json[at] == (byte)'"')
        {
            for (var i = at - 1; i >= lineStart; i--)
            {
                if (json[i] == (byte)'"' && (i == lineStart || json[i - 1] != (byte)'\\'))
                {
                    return i;
                }
            }

            return end;
        }

        if (json[at] is (byte)'{' or (byte)'[')
        {
            return at;
        }

        while (at > lineStart && (char.IsAsciiLetterOrDigit((char)json[at - 1]) || json[at - 1] is (byte)'.' or (byte)'-' or (byte)'+'))
        {
            at--;
        }

        return at;
    }
}
