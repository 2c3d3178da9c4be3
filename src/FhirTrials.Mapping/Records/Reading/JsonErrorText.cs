using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Records;

/// <summary>Turns System.Text.Json's messages into short reasons in the format's own vocabulary.</summary>
internal static partial class JsonErrorText
{
    private const string RecordNamespace = "FhirTrials.Mapping.Records.";

    public static string Reason(JsonException exception)
    {
        var message = StripLocation(exception.Message).Replace(" Change the reader options.", "", StringComparison.Ordinal);
        var unknown = UnknownProperty().Match(message);
        if (unknown.Success)
        {
            return $"unknown property '{unknown.Groups["name"].Value}'";
        }

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return $"missing required property {missing.Groups["names"].Value}";
        }

        if (Conversion().IsMatch(message))
        {
            return Expected(TypeAt(exception.Path));
        }

        var duplicate = Duplicate().Match(message);
        if (duplicate.Success)
        {
            return $"duplicate property '{duplicate.Groups["name"].Value}'";
        }

        return message.Replace(RecordNamespace, "", StringComparison.Ordinal);
    }

    /// <summary>The property named by an unknown- or duplicate-property reason, else null.</summary>
    public static string? PropertyNameIn(string reason)
    {
        foreach (var prefix in (ReadOnlySpan<string>)["unknown property '", "duplicate property '"])
        {
            if (reason.StartsWith(prefix, StringComparison.Ordinal) && reason.EndsWith('\''))
            {
                return reason[prefix.Length..^1];
            }
        }

        return null;
    }

    private static string Expected(JsonTypeInfo? typeInfo)
    {
        var type = typeInfo is null ? null : Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (type is not null && RecordEnumerations.All.TryGetValue(type, out var names))
        {
            return $"invalid {type.Name} value; expected one of: {string.Join(", ", names)}";
        }

        var expected = typeInfo?.Kind switch
        {
            null => "another type",
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object => "an object",
            _ when type == typeof(string) => "a string",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "an integer",
            _ => "a number",
        };
        return $"invalid value; expected {expected}";
    }

    /// <summary>The record type expected at a JSON path such as <c>$.arms[1].type</c>, from the serializer metadata.</summary>
    private static JsonTypeInfo? TypeAt(string? path)
    {
        var context = TrialRecordJsonContext.Default;
        JsonTypeInfo? current = context.TrialRecord;
        foreach (Match segment in PathSegment().Matches(path ?? ""))
        {
            current = segment.Groups["name"].Success
                ? current?.Properties.FirstOrDefault(p => p.Name == segment.Groups["name"].Value) is { } property
                    ? context.GetTypeInfo(property.PropertyType)
                    : null
                : current?.ElementType is { } element ? context.GetTypeInfo(element) : null;
        }

        return current;
    }

    /// <summary>The message without System.Text.Json's "Path: ... | LineNumber: ..." suffix.</summary>
    public static string StripLocation(string message)
    {
        var cut = message.Length;
        foreach (var marker in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && at < cut)
            {
                cut = at;
            }
        }

        return message[..cut].Trim();
    }

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^The JSON value could not be converted to ")]
    private static partial Regex Conversion();

    [GeneratedRegex(@"^Duplicate property '(?<name>.*)' encountered")]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>\d+)\]")]
    private static partial Regex PathSegment();
}
