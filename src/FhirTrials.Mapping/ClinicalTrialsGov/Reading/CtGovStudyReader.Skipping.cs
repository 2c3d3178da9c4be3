using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Skipping the properties the importer does not read. A large object or array is checked and passed over by
/// <see cref="StrictJsonSkip"/>, and reading goes on with a new reader over the rest of the study: its state is
/// taken from a small JSON prefix with the same open objects and arrays. (Line positions of that reader are off;
/// they are never reported: the whole-input path lets the scanner report malformed JSON, the other inputs are
/// already checked.)
/// </summary>
internal sealed partial class CtGovStudyReader
{
    private static readonly ConcurrentDictionary<(ulong Arrays, int Depth, int MaxDepth, bool MultipleValues), JsonReaderState> ContinuationStates = new();

    private readonly ReadOnlyMemory<byte> _json;
    private readonly bool _fastSkip;

    /// <summary>Where the current reader's input starts in <see cref="_json"/>.</summary>
    private int _base;

    /// <summary>Skips the value of the property the reader is on.</summary>
    private void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        var containers = reader.CurrentDepth;
        if (!_fastSkip || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || containers != _depth + 1 || containers > 64)
        {
            reader.Skip();
            return;
        }

        var start = _base + (int)reader.TokenStartIndex;
        var options = reader.CurrentState.Options;
        var length = StrictJsonSkip.ValueLength(_json.Span[start..], options.MaxDepth - containers);
        if (length < 0)
        {
            reader.Skip();
            return;
        }

        _base = start + length;
        reader = new Utf8JsonReader(_json.Span[_base..], isFinalBlock: true, ContinuationState(containers, options));
    }

    /// <summary>The state of a reader that has just read a value inside the objects and arrays of the current path.</summary>
    private JsonReaderState ContinuationState(int containers, JsonReaderOptions options)
    {
        // Container 0 is the study object, container k the value of path segment k - 1: an array when the
        // segment inside it, k, is an item position. The last one is the object being read.
        var arrays = 0UL;
        for (var k = 1; k < containers - 1; k++)
        {
            if (_path[k].Name is null)
            {
                arrays |= 1UL << k;
            }
        }

        return ContinuationStates.GetOrAdd((arrays, containers, options.MaxDepth, options.AllowMultipleValues), static (key, options) =>
        {
            var prefix = new StringBuilder();
            for (var k = 0; k < key.Depth; k++)
            {
                prefix.Append((key.Arrays & (1UL << k)) != 0 ? "[" : "{\"a\":");
            }

            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(prefix.Append("\"\"").ToString()), isFinalBlock: false, new JsonReaderState(options));
            while (reader.Read())
            {
            }

            return reader.CurrentState;
        }, options);
    }
}
