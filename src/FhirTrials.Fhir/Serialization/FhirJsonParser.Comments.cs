using System.Text.Json;

namespace FhirTrials.Fhir.Serialization;

public sealed partial class FhirJsonParser
{
    /// <summary>Where the input has comments (<c>//</c> or <c>/* */</c>), up to the first JSON syntax error.</summary>
    private List<long> CommentOffsets(ReadOnlySpan<byte> utf8)
    {
        var offsets = new List<long>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = _settings.MaxDepth, CommentHandling = JsonCommentHandling.Allow });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.Comment)
                {
                    offsets.Add(reader.TokenStartIndex);
                }
            }
        }
        catch (JsonException)
        {
            // The rest is malformed for other reasons: the second pass reports it.
        }

        return offsets;
    }
}
