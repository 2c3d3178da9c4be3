using System.Text.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// Values of the current field. JSON null reads as absent; a value of the wrong kind is reported, skipped and
/// reads as absent.
/// </summary>
internal sealed partial class CtGovStudyReader
{
    /// <summary>Reads the object the reader is on (its start token) into a <typeparamref name="T"/>.</summary>
    private delegate T ObjectReader<out T>(CtGovStudyReader study, ref Utf8JsonReader reader);

    private string? String(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return Text(ref reader);
        }

        Absent(ref reader, "a string");
        return null;
    }

    private bool? Bool(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => None<bool>(ref reader, "true or false"),
    };

    private int? Int(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : None<int>(ref reader, "an integer");

    /// <summary>A number a double holds: 1e400 is reported rather than read as infinity (which no JSON writer can write back).</summary>
    private double? Double(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : None<double>(ref reader, "a number within the range of a double");

    private TEnum? Enum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum =>
        String(ref reader) is { } wire ? ParseEnum<TEnum>(wire) : null;

    /// <summary>True when the value is an object (for the caller to read), false when it is absent or reported.</summary>
    private bool IsObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        Absent(ref reader, "an object");
        return false;
    }

    /// <summary>An object whose fields are all text: the text of each field (by field number), null when absent.</summary>
    private string?[] Texts(ref Utf8JsonReader reader, CtFieldNames names, out Scope scope)
    {
        var texts = new string?[names.Count];
        scope = Enter(names);
        while (Next(ref reader, ref scope, out var field))
        {
            texts[field] = String(ref reader);
        }

        return texts;
    }

    private List<string>? Strings(ref Utf8JsonReader reader)
    {
        if (!IsArray(ref reader, out var array))
        {
            return null;
        }

        var items = new List<string>();
        while (NextItem(ref reader, ref array))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                Unexpected(ref reader, "a string");
            }
            else if (Text(ref reader) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private List<TEnum>? Enums<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        if (!IsArray(ref reader, out var array))
        {
            return null;
        }

        var items = new List<TEnum>();
        while (NextItem(ref reader, ref array))
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                Unexpected(ref reader, "a string");
            }
            else if (Text(ref reader) is { } wire && ParseEnum<TEnum>(wire) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private List<T>? Objects<T>(ref Utf8JsonReader reader, ObjectReader<T> read)
    {
        if (!IsArray(ref reader, out var array))
        {
            return null;
        }

        var items = new List<T>();
        while (NextItem(ref reader, ref array))
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                items.Add(read(this, ref reader));
            }
            else
            {
                Unexpected(ref reader, "an object");
            }
        }

        return items;
    }
}
