using System.Text;
using System.Text.Json;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>Arrays, text, enumeration values, and the reports of values that are not what a field needs.</summary>
internal sealed partial class CtGovStudyReader
{
    private bool IsArray(ref Utf8JsonReader reader, out ArrayScope array)
    {
        array = new ArrayScope(_depth);
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        Absent(ref reader, "an array");
        return false;
    }

    /// <summary>Moves to the next item of the array being read (its position becomes the current field); false at its end.</summary>
    private bool NextItem(ref Utf8JsonReader reader, ref ArrayScope array)
    {
        _depth = array.Mark;
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            return false;
        }

        Push(null, array.Index++);
        return true;
    }

    /// <summary>The string value; text that cannot be decoded is reported with the decoder's exception.</summary>
    private string? Text(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException failure)
        {
            Report(failure.Message, failure);
            return null;
        }
    }

    private TEnum? ParseEnum<TEnum>(string wire)
        where TEnum : struct, Enum
    {
        if (EnumWire<TEnum>.TryParse(wire, out var value))
        {
            return value;
        }

        Report($"unknown value '{wire}'; expected one of: {string.Join(", ", EnumWire<TEnum>.Names)}");
        return null;
    }

    private T? None<T>(ref Utf8JsonReader reader, string expected)
        where T : struct
    {
        Absent(ref reader, expected);
        return null;
    }

    /// <summary>A field value that is not what the field needs: reported unless it is null (an absent field), and skipped.</summary>
    private void Absent(ref Utf8JsonReader reader, string expected)
    {
        if (reader.TokenType != JsonTokenType.Null)
        {
            Unexpected(ref reader, expected);
        }
    }

    /// <summary>Reports a value that is not what the field or array needs, and skips it.</summary>
    private void Unexpected(ref Utf8JsonReader reader, string expected)
    {
        if (Found(ref reader) is { } found)
        {
            Report($"expected {expected}, found {found}");
        }

        reader.Skip();
    }

    private string? Found(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => Text(ref reader) is { } text ? $"the string \"{text}\"" : null,
        JsonTokenType.Number => $"the number {Encoding.UTF8.GetString(reader.ValueSpan)}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>An array being read: where its items go on the path, and the next item's position.</summary>
    private struct ArrayScope(int mark)
    {
        public readonly int Mark = mark;
        public int Index;
    }
}
