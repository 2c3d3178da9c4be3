using System.Collections.Concurrent;
using System.Text.Json;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Writes the typed model as FHIR JSON: primitives split into <c>name</c> and <c>_name</c>, choices
/// named by their type, resources led by <c>resourceType</c>, nothing empty written.
/// The generated classes call it from their <c>WriteMembers</c>.
/// </summary>
public sealed class FhirJsonWriter
{
    private static readonly ConcurrentDictionary<(string Element, string Type), string> ChoiceNames = new();

    public FhirJsonWriter(Utf8JsonWriter json) => Json = json;

    /// <summary>The underlying JSON writer.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Writes a resource as a JSON object.</summary>
    public void WriteResourceObject(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Json.WriteStartObject();
        Json.WriteString("resourceType", resource.TypeName);
        resource.WriteMembers(this);
        Json.WriteEndObject();
    }

    /// <summary>Writes an element that is an attribute in XML (<c>Element.id</c>, <c>Extension.url</c>).</summary>
    public void WriteAttribute(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Json.WriteString(name, value);
        }
    }

    public void WritePrimitive(string name, PrimitiveType? value)
    {
        if (value is null || value.IsEmpty)
        {
            return;
        }

        if (!string.IsNullOrEmpty(value.LexicalValue))
        {
            Json.WritePropertyName(name);
            WriteLexical(value);
        }

        if (value.HasElementMembers)
        {
            Json.WritePropertyName("_" + name);
            WriteElementMembersObject(value);
        }
    }

    public void WritePrimitiveList<T>(string name, List<T>? values)
        where T : PrimitiveType
    {
        if (values is null || values.TrueForAll(v => v.IsEmpty))
        {
            return;
        }

        var items = values.Where(v => !v.IsEmpty).ToList();
        if (items.Exists(v => !string.IsNullOrEmpty(v.LexicalValue)))
        {
            Json.WritePropertyName(name);
            Json.WriteStartArray();
            foreach (var item in items)
            {
                if (string.IsNullOrEmpty(item.LexicalValue))
                {
                    Json.WriteNullValue();
                }
                else
                {
                    WriteLexical(item);
                }
            }

            Json.WriteEndArray();
        }

        if (items.Exists(v => v.HasElementMembers))
        {
            Json.WritePropertyName("_" + name);
            Json.WriteStartArray();
            foreach (var item in items)
            {
                if (item.HasElementMembers)
                {
                    WriteElementMembersObject(item);
                }
                else
                {
                    Json.WriteNullValue();
                }
            }

            Json.WriteEndArray();
        }
    }

    public void WriteComplex(string name, Base? value)
    {
        if (value is null || value.IsEmpty)
        {
            return;
        }

        Json.WritePropertyName(name);
        Json.WriteStartObject();
        value.WriteMembers(this);
        Json.WriteEndObject();
    }

    public void WriteComplexList<T>(string name, List<T>? values)
        where T : Base
    {
        if (values is null || values.TrueForAll(v => v.IsEmpty))
        {
            return;
        }

        Json.WritePropertyName(name);
        Json.WriteStartArray();
        foreach (var value in values)
        {
            if (!value.IsEmpty)
            {
                Json.WriteStartObject();
                value.WriteMembers(this);
                Json.WriteEndObject();
            }
        }

        Json.WriteEndArray();
    }

    /// <summary>Writes a choice element under its typed name (<c>valueQuantity</c>).</summary>
    public void WriteChoice(string name, DataType? value)
    {
        if (value is null || value.IsEmpty)
        {
            return;
        }

        var jsonName = ChoiceNames.GetOrAdd((name, value.TypeName), static key => FhirTypeInfo.ChoiceJsonName(key.Element, key.Type));
        if (value is PrimitiveType primitive)
        {
            WritePrimitive(jsonName, primitive);
        }
        else
        {
            WriteComplex(jsonName, value);
        }
    }

    public void WriteResource(string name, Resource? resource)
    {
        if (resource is null || resource.IsEmpty)
        {
            return;
        }

        Json.WritePropertyName(name);
        WriteResourceObject(resource);
    }

    public void WriteResourceList(string name, List<Resource>? resources)
    {
        if (resources is null || resources.TrueForAll(r => r.IsEmpty))
        {
            return;
        }

        Json.WritePropertyName(name);
        Json.WriteStartArray();
        foreach (var resource in resources.Where(r => !r.IsEmpty))
        {
            WriteResourceObject(resource);
        }

        Json.WriteEndArray();
    }

    private void WriteLexical(PrimitiveType value)
    {
        var text = value.LexicalValue!;
        switch (value.JsonKind)
        {
            case PrimitiveJsonKind.Boolean when text is "true" or "false":
                Json.WriteBooleanValue(text == "true");
                break;
            case PrimitiveJsonKind.Number when JsonNumber.IsValid(text):
                Json.WriteRawValue(text, skipInputValidation: true);
                break;
            default:
                Json.WriteStringValue(text);
                break;
        }
    }

    private void WriteElementMembersObject(PrimitiveType value)
    {
        Json.WriteStartObject();
        value.WriteMembers(this);
        Json.WriteEndObject();
    }
}
