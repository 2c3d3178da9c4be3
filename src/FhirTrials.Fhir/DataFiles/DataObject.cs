using System.Globalization;
using System.Text.Json;

namespace FhirTrials.Fhir.DataFiles;

/// <summary>
/// One JSON object of a data file (<see cref="DataFile"/>), read member by member. A row reader first names the
/// members the object may have (<see cref="Members"/>), then reads them; each problem is an
/// <see cref="InvalidDataException"/> naming the file and the member's JSON path (<c>rows[3].code</c>).
/// Optional members read as null (or the given default) when absent or null.
/// </summary>
public readonly struct DataObject
{
    private readonly JsonElement _element;
    private readonly string _file;
    private readonly string _path;

    private DataObject(JsonElement element, string file, string path)
    {
        _element = element;
        _file = file;
        _path = path;
    }

    internal static DataObject Root(JsonElement element, string file) => Of(element, file, "$");

    /// <summary>Fails unless every member is one of <paramref name="names"/>.</summary>
    public DataObject Members(params ReadOnlySpan<string> names)
    {
        foreach (var member in _element.EnumerateObject())
        {
            if (!names.Contains(member.Name))
            {
                throw Problem(member.Name, "is not a member of this file's format");
            }
        }

        return this;
    }

    /// <summary>A required string.</summary>
    public string Text(string name) => OptionalText(name) ?? throw Problem(name, "is required");

    public string? OptionalText(string name) => Get(name, JsonValueKind.String) is { } value ? value.GetString() : null;

    public bool Flag(string name, bool fallback = false) => Get(name, JsonValueKind.True) is { } value ? value.GetBoolean() : fallback;

    public double Number(string name, double fallback) => Get(name, JsonValueKind.Number) is { } value ? value.GetDouble() : fallback;

    public decimal Decimal(string name, decimal fallback) => Get(name, JsonValueKind.Number) is { } value ? value.GetDecimal() : fallback;

    /// <summary>A required object.</summary>
    public DataObject Object(string name) =>
        Get(name, JsonValueKind.Object) is { } value ? Of(value, _file, Path(name)) : throw Problem(name, "is required");

    /// <summary>A required list of strings.</summary>
    public List<string> Texts(string name) => OptionalTexts(name) ?? throw Problem(name, "is required");

    /// <summary>A list of strings, or null when absent.</summary>
    public List<string>? OptionalTexts(string name) => List(name, static (item, _) => item.GetString()!, JsonValueKind.String);

    /// <summary>A required list of objects, each read with <paramref name="read"/>.</summary>
    public List<T> Objects<T>(string name, Func<DataObject, T> read) => OptionalObjects(name, read) ?? throw Problem(name, "is required");

    /// <summary>A list of objects, each read with <paramref name="read"/>, or null when absent.</summary>
    public List<T>? OptionalObjects<T>(string name, Func<DataObject, T> read)
    {
        var file = _file;
        var path = Path(name);
        return List(name, (item, index) => read(Of(item, file, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]")), JsonValueKind.Object);
    }

    /// <summary>An object of numbers by name; empty when absent.</summary>
    public Dictionary<string, decimal> Decimals(string name)
    {
        var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (Get(name, JsonValueKind.Object) is { } value)
        {
            foreach (var member in value.EnumerateObject())
            {
                map[member.Name] = member.Value.ValueKind == JsonValueKind.Number
                    ? member.Value.GetDecimal()
                    : throw Problem(name + "." + member.Name, "must be a number");
            }
        }

        return map;
    }

    /// <summary>A problem with member <paramref name="name"/> of this object, for row readers' own checks.</summary>
    public InvalidDataException Problem(string name, string problem) => new($"{_file}: {Path(name)} {problem}");

    private static DataObject Of(JsonElement element, string file, string path) =>
        element.ValueKind == JsonValueKind.Object ? new(element, file, path) : throw new InvalidDataException($"{file}: {path} must be an object");

    /// <summary>The member's value when present and not null; a problem when it is of another kind (true stands for both booleans).</summary>
    private JsonElement? Get(string name, JsonValueKind kind)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var actual = value.ValueKind == JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        return actual == kind ? value : throw Problem(name, $"must be {Describe(kind)}");
    }

    private List<T>? List<T>(string name, Func<JsonElement, int, T> read, JsonValueKind itemKind)
    {
        if (Get(name, JsonValueKind.Array) is not { } array)
        {
            return null;
        }

        var list = new List<T>(array.GetArrayLength());
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.ValueKind == itemKind ? read(item, index) : throw Problem($"{name}[{index}]", $"must be {Describe(itemKind)}"));
            index++;
        }

        return list;
    }

    private string Path(string name) => _path + "." + name;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true or false",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };
}
