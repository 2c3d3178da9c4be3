using System.Globalization;
using System.Text.Json;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.ClinicalTrialsGov;

/// <summary>
/// A JSON object of a CT.gov study with its field path, so every type or value problem names the field.
/// Absent properties and JSON nulls read as null; properties the importer does not know are ignored.
/// </summary>
internal readonly struct CtNode(JsonElement element, string path)
{
    public string Path => path;

    public CtNode? Object(string name) =>
        Get(name, JsonValueKind.Object, "an object") is { } child ? new CtNode(child, Sub(name)) : null;

    public string? String(string name) => Get(name, JsonValueKind.String, "a string")?.GetString();

    public string RequiredString(string name) =>
        String(name) ?? throw new CtGovFieldException(Sub(name), "required field is missing");

    public bool? Bool(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, value, "true or false"),
        };
    }

    public int? Int(string name) =>
        Get(name, JsonValueKind.Number, "an integer") is { } value
            ? value.TryGetInt32(out var number) ? number : throw Wrong(name, value, "an integer")
            : null;

    public double? Double(string name) => Get(name, JsonValueKind.Number, "a number")?.GetDouble();

    public TEnum? Enum<TEnum>(string name)
        where TEnum : struct, Enum =>
        String(name) is { } wire ? ParseEnum<TEnum>(wire, Sub(name)) : null;

    public IReadOnlyList<string>? Strings(string name) =>
        Array(name, (item, itemPath) => item.ValueKind == JsonValueKind.String
            ? item.GetString()!
            : throw new CtGovFieldException(itemPath, $"expected a string, found {Kind(item)}"));

    public IReadOnlyList<TEnum>? Enums<TEnum>(string name)
        where TEnum : struct, Enum =>
        Array(name, (item, itemPath) => item.ValueKind == JsonValueKind.String
            ? ParseEnum<TEnum>(item.GetString()!, itemPath)
            : throw new CtGovFieldException(itemPath, $"expected a string, found {Kind(item)}"));

    public IReadOnlyList<T>? Objects<T>(string name, Func<CtNode, T> map) =>
        Array(name, (item, itemPath) => item.ValueKind == JsonValueKind.Object
            ? map(new CtNode(item, itemPath))
            : throw new CtGovFieldException(itemPath, $"expected an object, found {Kind(item)}"));

    public CtGovFieldException Error(string name, string reason) => new(Sub(name), reason);

    private string Sub(string name) => path.Length == 0 ? name : string.Concat(path, ".", name);

    private IReadOnlyList<T>? Array<T>(string name, Func<JsonElement, string, T> map)
    {
        if (Get(name, JsonValueKind.Array, "an array") is not { } array)
        {
            return null;
        }

        var items = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            items.Add(map(item, string.Create(CultureInfo.InvariantCulture, $"{Sub(name)}[{index}]")));
            index++;
        }

        return items;
    }

    private JsonElement? Get(string name, JsonValueKind kind, string expected)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw Wrong(name, value, expected);
    }

    private CtGovFieldException Wrong(string name, JsonElement value, string expected) =>
        new(Sub(name), $"expected {expected}, found {Kind(value)}");

    private static TEnum ParseEnum<TEnum>(string wire, string fieldPath)
        where TEnum : struct, Enum =>
        EnumWire<TEnum>.TryParse(wire, out var value)
            ? value
            : throw new CtGovFieldException(
                fieldPath, $"unknown value '{wire}'; expected one of: {string.Join(", ", EnumWire<TEnum>.Names)}");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{value.GetString()}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
