using System.Text;
using System.Text.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>
/// First pass over a record file, before typed deserialization: checks the root is an object, finds
/// <c>recordVersion</c> (so a record of another major version is rejected as such, not as "unknown
/// property"), and rejects <c>null</c> literals (absent values are omitted in this format).
/// </summary>
internal static class RecordPrescan
{
    internal readonly record struct Finding(string JsonPath, long Offset, string Reason);

    internal readonly record struct Result(string? Version, long VersionOffset, Finding? Problem);

    /// <summary>Scans <paramref name="utf8"/>; malformed JSON throws <see cref="JsonException"/> with the JSON path.</summary>
    public static Result Run(ReadOnlySpan<byte> utf8)
    {
        var path = new List<Segment>();
        try
        {
            return Scan(utf8, path);
        }
        catch (JsonException exception)
        {
            throw new JsonException(
                JsonErrorText.StripLocation(exception.Message), PathText(path), exception.LineNumber, exception.BytePositionInLine, exception);
        }
    }

    private static Result Scan(ReadOnlySpan<byte> utf8, List<Segment> path)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        string? version = null;
        long versionOffset = 0;
        while (reader.Read())
        {
            var type = reader.TokenType;
            if (type == JsonTokenType.PropertyName)
            {
                path[^1] = path[^1] with { Property = reader.GetString() };
                continue;
            }

            if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                path.RemoveAt(path.Count - 1);
                continue;
            }

            if (path.Count == 0 && type != JsonTokenType.StartObject)
            {
                return Problem("$", reader.TokenStartIndex, "a trial record must be a JSON object");
            }

            BumpIndex(path);
            if (type == JsonTokenType.Null)
            {
                return Problem(PathText(path), reader.TokenStartIndex, "null is not allowed; omit the property instead");
            }

            if (path.Count == 1 && path[0].Property == "recordVersion")
            {
                if (type != JsonTokenType.String)
                {
                    return Problem("$.recordVersion", reader.TokenStartIndex, "recordVersion must be a string such as \"1.0\"");
                }

                version = reader.GetString();
                versionOffset = reader.TokenStartIndex;
            }

            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                path.Add(new Segment(type == JsonTokenType.StartArray, -1, null));
            }
        }

        return new Result(version, versionOffset, null);

        Result Problem(string jsonPath, long offset, string reason) =>
            new(version, versionOffset, new Finding(jsonPath, offset, reason));
    }

    private static void BumpIndex(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
        {
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
        }
    }

    private static string PathText(List<Segment> path)
    {
        var text = new StringBuilder("$");
        foreach (var segment in path)
        {
            if (segment.IsArray && segment.Index >= 0)
            {
                text.Append('[').Append(segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
            }
            else if (!segment.IsArray && segment.Property is not null)
            {
                text.Append('.').Append(segment.Property);
            }
        }

        return text.ToString();
    }

    private readonly record struct Segment(bool IsArray, int Index, string? Property);
}
