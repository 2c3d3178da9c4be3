using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Writes the typed model as FHIR JSON: primitives split into <c>name</c> and <c>_name</c>, choices
/// named by their type, resources led by <c>resourceType</c>, nothing empty written.
/// The generated classes call it from their <c>WriteMembers</c>.
/// </summary>
public sealed class FhirJsonWriter
{
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

        WritePrimitive(JsonNames.Of(name), value);
    }

    private void WritePrimitive(JsonNames names, PrimitiveType value)
    {
        if (!value.HasNoLexicalValue)
        {
            Json.WritePropertyName(names.Value);
            WriteLexical(value);
        }

        if (value.HasElementMembers)
        {
            Json.WritePropertyName(names.Extension);
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

        var names = JsonNames.Of(name);
        if (values.Exists(v => !v.HasNoLexicalValue))
        {
            Json.WritePropertyName(names.Value);
            Json.WriteStartArray();
            foreach (var item in values)
            {
                if (item.IsEmpty)
                {
                    continue;
                }

                if (item.HasNoLexicalValue)
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

        if (values.Exists(v => v.HasElementMembers))
        {
            Json.WritePropertyName(names.Extension);
            Json.WriteStartArray();
            foreach (var item in values)
            {
                if (item.IsEmpty)
                {
                    continue;
                }

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

        WriteComplex(JsonNames.Of(name), value);
    }

    private void WriteComplex(JsonNames names, Base value)
    {
        Json.WritePropertyName(names.Value);
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

        Json.WritePropertyName(JsonNames.Of(name).Value);
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

        var names = JsonNames.Of(name).Choice(value.TypeName);
        if (value is PrimitiveType primitive)
        {
            WritePrimitive(names, primitive);
        }
        else
        {
            WriteComplex(names, value);
        }
    }

    public void WriteResource(string name, Resource? resource)
    {
        if (resource is null || resource.IsEmpty)
        {
            return;
        }

        Json.WritePropertyName(JsonNames.Of(name).Value);
        WriteResourceObject(resource);
    }

    public void WriteResourceList(string name, List<Resource>? resources)
    {
        if (resources is null || resources.TrueForAll(r => r.IsEmpty))
        {
            return;
        }

        Json.WritePropertyName(JsonNames.Of(name).Value);
        Json.WriteStartArray();
        foreach (var resource in resources)
        {
            if (!resource.IsEmpty)
            {
                WriteResourceObject(resource);
            }
        }

        Json.WriteEndArray();
    }

    private void WriteLexical(PrimitiveType value) => LexicalWriter.Write(Json, ref value.Lexical, value.JsonKind switch
    {
        PrimitiveJsonKind.Boolean => JsonRawKind.True,
        PrimitiveJsonKind.Number => JsonRawKind.Number,
        _ => JsonRawKind.String,
    });

    private void WriteElementMembersObject(PrimitiveType value)
    {
        Json.WriteStartObject();
        value.WriteMembers(this);
        Json.WriteEndObject();
    }
}
