using System.Text.Json.Nodes;
using FhirTrials.Fhir.Model;
using FhirTrials.Mapping.Records.Generated;
using FhirTrials.Mapping.Records.Json;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The <c>registry-fields</c> extension: the properties of a trial record object that FHIR has no
/// element for, as a complex extension whose sub-extension URLs are the record's JSON property names
/// (strings as valueString, enumerations as valueCode with the CT.gov value, booleans, integers,
/// decimals, nested objects as nested complex extensions, lists as repeated sub-extensions in order).
/// Encoded by the generated <see cref="RegistryFieldsEncoding"/> (typed reads in the record's JSON order, see
/// tools/FhirTrials.RecordWalksGenerator); decoded through <see cref="RecordShape"/>, so both follow the record format exactly.
/// </summary>
internal static class RegistryFields
{
    /// <summary>The extension for the non-null properties of <paramref name="value"/> not in <paramref name="skip"/>; null when none.</summary>
    public static Extension? Encode<T>(T value, ISet<string>? skip = null)
        where T : class
    {
        var extension = new Extension { Url = ExtensionUrls.RegistryFields };
        RegistryFieldsEncoding.EncodeAny(value, extension.Extension, skip);
        return extension.Extension.Count > 0 ? extension : null;
    }

    /// <summary>Adds the extension to <paramref name="target"/> when there is anything to keep.</summary>
    public static void Add<T>(IExtendable target, T? value, ISet<string>? skip = null)
        where T : class
    {
        if (value is not null && Encode(value, skip) is { } extension)
        {
            target.Extension.Add(extension);
        }
    }

    /// <summary>The record JSON object held by the registry-fields extension of <paramref name="source"/>, or null.</summary>
    public static JsonObject? Decode<T>(IExtendable source)
    {
        var extension = source.GetExtension(ExtensionUrls.RegistryFields);
        return extension is null ? null : DecodeObject(extension, typeof(T), "registry-fields");
    }

    private static JsonObject DecodeObject(Extension extension, Type recordType, string path)
    {
        var result = new JsonObject();
        foreach (var part in extension.Extension)
        {
            var property = RecordShape.Of(recordType).FirstOrDefault(p => string.Equals(p.Name, part.Url, StringComparison.Ordinal))
                ?? throw new TrialReverseMappingException($"{path}: '{part.Url}' is not a property of the record's {recordType.Name}");
            var itemType = ItemType(property.PropertyType);
            var node = part.Value is { } value
                ? Primitive(value, $"{path}.{part.Url}")
                : DecodeObject(part, itemType ?? property.PropertyType, $"{path}.{part.Url}");
            if (itemType is null)
            {
                result[property.Name] = node;
            }
            else
            {
                if (result[property.Name] is not JsonArray array)
                {
                    result[property.Name] = array = [];
                }

                array.Add(node);
            }
        }

        return result;
    }

    private static Type? ItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    private static JsonNode Primitive(DataType value, string path) => value switch
    {
        FhirBoolean flag => JsonValue.Create(flag.Value ?? throw Bad(path)),
        Integer or FhirDecimal => JsonNode.Parse(((PrimitiveType)value).LexicalValue ?? throw Bad(path))!,
        PrimitiveType text => JsonValue.Create(text.LexicalValue ?? throw Bad(path)),
        _ => throw new TrialReverseMappingException($"{path}: unexpected value type {value.TypeName}"),
    };

    private static TrialReverseMappingException Bad(string path) => new($"{path}: the value is missing");
}
