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
    private static readonly JsonEncodedText ResourceTypeName = JsonEncodedText.Encode("resourceType");

    internal FhirJsonWriter(JsonOutput json) => Json = json;

    /// <summary>The JSON output written to.</summary>
    internal JsonOutput Json { get; }

    /// <summary>Writes a resource as a JSON object.</summary>
    internal void WriteResourceObject(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Json.WriteStartObject();
        Json.WriteString(ResourceTypeName, JsonNames.Of(resource.TypeName).Value);
        resource.WriteMembers(this);
        Json.WriteEndObject();
    }

    /// <summary>Writes an element that is an attribute in XML (<c>Element.id</c>, <c>Extension.url</c>).</summary>
    public void WriteAttribute(string name, string? value) => WriteAttribute(JsonNames.Of(name), value);

    internal void WriteAttribute(JsonNames names, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Json.WriteString(names.Value, value);
        }
    }

    public void WritePrimitive(string name, PrimitiveType? value) => WritePrimitive(JsonNames.Of(name), value);

    internal void WritePrimitive(JsonNames names, PrimitiveType? value)
    {
        if (value is not null)
        {
            WritePrimitiveParts(names, value);
        }
    }

    private void WritePrimitiveParts(JsonNames names, PrimitiveType value)
    {
        if (!value.HasNoLexicalValue)
        {
            LexicalWriter.Write(Json, names.Value, ref value.Lexical, KindOf(value));
        }

        if (value.HasElementMembers)
        {
            WriteObject(names.Extension, value);
        }
    }

    public void WritePrimitiveList<T>(string name, List<T>? values)
        where T : PrimitiveType =>
        WritePrimitiveList(JsonNames.Of(name), values);

    internal void WritePrimitiveList<T>(JsonNames names, List<T>? values)
        where T : PrimitiveType
    {
        if (values is null || values.TrueForAll(v => v.IsEmpty))
        {
            return;
        }

        if (values.Exists(v => !v.HasNoLexicalValue))
        {
            Json.WriteStartArray(names.Value);
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
            Json.WriteStartArray(names.Extension);
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

    public void WriteComplex(string name, Base? value) => WriteComplex(JsonNames.Of(name), value);

    internal void WriteComplex(JsonNames names, Base? value)
    {
        if (value is not null)
        {
            WriteObject(names.Value, value);
        }
    }

    /// <summary>Writes <paramref name="value"/> as property <paramref name="name"/>, or nothing when it has no content.</summary>
    private void WriteObject(JsonEncodedText name, Base value)
    {
        var mark = Json.GetMark();
        Json.WriteStartObject(name);
        value.WriteMembers(this);
        End(mark, array: false);
    }

    /// <summary>Closes the object or array opened at <paramref name="mark"/>, or takes it back when nothing was written in it.</summary>
    private void End(JsonOutput.Mark mark, bool array)
    {
        if (Json.IsEmptyContainer)
        {
            Json.Rewind(mark);
        }
        else if (array)
        {
            Json.WriteEndArray();
        }
        else
        {
            Json.WriteEndObject();
        }
    }

    public void WriteComplexList<T>(string name, List<T>? values)
        where T : Base =>
        WriteComplexList(JsonNames.Of(name), values);

    internal void WriteComplexList<T>(JsonNames names, List<T>? values)
        where T : Base
    {
        if (values is not { Count: > 0 })
        {
            return;
        }

        var list = Json.GetMark();
        Json.WriteStartArray(names.Value);
        foreach (var value in values)
        {
            var item = Json.GetMark();
            Json.WriteStartObject();
            value.WriteMembers(this);
            End(item, array: false);
        }

        End(list, array: true);
    }

    /// <summary>Writes a choice element under its typed name (<c>valueQuantity</c>).</summary>
    public void WriteChoice(string name, DataType? value) => WriteChoice(JsonNames.Of(name), value);

    internal void WriteChoice(JsonNames element, DataType? value)
    {
        if (value is null)
        {
            return;
        }

        var names = element.Choice(value.TypeName);
        if (value is PrimitiveType primitive)
        {
            WritePrimitiveParts(names, primitive);
        }
        else
        {
            WriteObject(names.Value, value);
        }
    }

    public void WriteResource(string name, Resource? resource) => WriteResource(JsonNames.Of(name), resource);

    internal void WriteResource(JsonNames names, Resource? resource)
    {
        if (resource is null || resource.IsEmpty)
        {
            return;
        }

        Json.WritePropertyName(names.Value);
        WriteResourceObject(resource);
    }

    public void WriteResourceList(string name, List<Resource>? resources) => WriteResourceList(JsonNames.Of(name), resources);

    internal void WriteResourceList(JsonNames names, List<Resource>? resources)
    {
        if (resources is null || resources.TrueForAll(r => r.IsEmpty))
        {
            return;
        }

        Json.WriteStartArray(names.Value);
        foreach (var resource in resources)
        {
            if (!resource.IsEmpty)
            {
                WriteResourceObject(resource);
            }
        }

        Json.WriteEndArray();
    }

    private void WriteLexical(PrimitiveType value) => LexicalWriter.Write(Json, ref value.Lexical, KindOf(value));

    private static JsonRawKind KindOf(PrimitiveType value) => value.JsonKind switch
    {
        PrimitiveJsonKind.Boolean => JsonRawKind.True,
        PrimitiveJsonKind.Number => JsonRawKind.Number,
        _ => JsonRawKind.String,
    };

    private void WriteElementMembersObject(PrimitiveType value)
    {
        Json.WriteStartObject();
        value.WriteMembers(this);
        Json.WriteEndObject();
    }
}
