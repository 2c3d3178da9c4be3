using System.Runtime.InteropServices;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>The element readers the generated <c>ReadJsonMember</c> overrides call, one per element shape.</summary>
internal ref partial struct DirectJsonReader
{
    /// <summary>An element XML writes as an attribute (<c>Element.id</c>, <c>Extension.url</c>): its decoded value.</summary>
    public string? Attribute(FhirJsonProperty property)
    {
        var text = default(LexicalText);
        ReadValue(ref text, property.Type);
        return text.Get();
    }

    /// <summary>One part of a single primitive: its value, or (<c>_name</c>) its id and extensions, into <paramref name="value"/>.</summary>
    public T Primitive<T>(T value, FhirJsonProperty property)
        where T : PrimitiveType
    {
        ArgumentNullException.ThrowIfNull(value);
        if (property.IsExtensionPart)
        {
            Complex(value, property);
        }
        else
        {
            ReadValue(ref value.Lexical, property.Type);
        }

        return value;
    }

    /// <summary>
    /// One part of a repeating primitive: the values (with <c>null</c> placeholders) or the <c>_name</c>
    /// objects (with <c>null</c> for items without), matched by position with the items the other part made.
    /// </summary>
    public void PrimitiveList<T>(ref List<T>? list, FhirJsonProperty property, Func<T> create)
        where T : PrimitiveType
    {
        ArgumentNullException.ThrowIfNull(create);
        ExpectArray();
        var made = list?.Count ?? 0;
        var items = list ??= [];
        var extensionPart = property.IsExtensionPart;
        var index = 0;
        for (; _json.Read() && _json.TokenType != JsonTokenType.EndArray; index++)
        {
            if (_json.TokenType == JsonTokenType.Null)
            {
                if (!extensionPart && index >= made)
                {
                    AddPlaceholder(items, create());
                }
                else if (extensionPart && made == 0)
                {
                    // A `_name` null before the values came would shift the items' positions: the tree's business.
                    GiveUp();
                }

                continue;
            }

            var item = index < made ? items[index] : Add(items, create());
            if (extensionPart)
            {
                Complex(item, property);
            }
            else
            {
                ReadValue(ref item.Lexical, property.Type);
            }
        }

        if (index == 0)
        {
            GiveUp();
        }
    }

    /// <summary>A complex value (datatype, backbone element, or a primitive's <c>_name</c> object) into <paramref name="value"/>.</summary>
    public T Complex<T>(T value, FhirJsonProperty property)
        where T : Base
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_json.TokenType != JsonTokenType.StartObject)
        {
            GiveUp();
        }

        ReadObject(value, property.Type, isResource: false);
        return value;
    }

    /// <summary>A repeating complex element.</summary>
    public void ComplexList<T>(ref List<T>? list, FhirJsonProperty property, Func<T> create)
        where T : Base
    {
        ArgumentNullException.ThrowIfNull(create);
        ExpectArray();
        var start = _scratch.Count;
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            _scratch.Add(Complex(create(), property));
        }

        list = TakeScratch<T>(start);
    }

    /// <summary>One part of a choice element (<c>valueQuantity</c>, <c>valueString</c> or <c>_valueString</c>), typed by its name.</summary>
    public DataType Choice(DataType? existing, FhirJsonProperty property)
    {
        var typeName = property.Type.Name;
        var value = existing ?? ModelFactory.CreateDataType(typeName);
        if (value is null || !string.Equals(value.TypeName, typeName, StringComparison.Ordinal))
        {
            GiveUp();
        }

        return value is PrimitiveType primitive ? Primitive(primitive, property) : Complex(value, property);
    }

    /// <summary>A resource inside a resource (contained, Bundle entry, Parameters value).</summary>
    public Resource Resource(FhirJsonProperty property)
    {
        if (_json.TokenType != JsonTokenType.StartObject || property.IsExtensionPart)
        {
            GiveUp();
        }

        return ReadNestedResource();
    }

    /// <summary>A repeating resource element (<c>contained</c>).</summary>
    public void ResourceList(ref List<Resource>? list, FhirJsonProperty property)
    {
        ExpectArray();
        var start = _scratch.Count;
        while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
        {
            _scratch.Add(Resource(property));
        }

        list = TakeScratch<Resource>(start);
    }

    /// <summary>Moves the items read since <paramref name="start"/> into a list of exactly their number (a non-empty array is required).</summary>
    private readonly List<T> TakeScratch<T>(int start)
        where T : Base
    {
        var count = _scratch.Count - start;
        if (count == 0)
        {
            GiveUp();
        }

        var items = new List<T>(count);
        CollectionsMarshal.SetCount(items, count);
        var span = CollectionsMarshal.AsSpan(items);
        for (var i = 0; i < count; i++)
        {
            span[i] = (T)_scratch[start + i];
        }

        _scratch.RemoveRange(start, count);
        return items;
    }

    private static T Add<T>(List<T> items, T item)
    {
        items.Add(item);
        return item;
    }

    /// <summary>Adds a value-less item for a <c>null</c> in the values; its object checks it got a <c>_name</c> part.</summary>
    private void AddPlaceholder<T>(List<T> items, T item)
        where T : PrimitiveType
    {
        items.Add(item);
        var pending = _placeholders ??= [];
        if (pending.Count == 0 || !ReferenceEquals(pending[^1], items))
        {
            pending.Add(items);
        }
    }

    private readonly void ExpectArray()
    {
        if (_json.TokenType != JsonTokenType.StartArray)
        {
            GiveUp();
        }
    }

    /// <summary>A primitive's value: a JSON string, number or boolean that is valid for <paramref name="type"/>.</summary>
    private void ReadValue(ref LexicalText target, FhirTypeInfo type)
    {
        if (PrimitiveToken.Check(ref _json, type, _settings.CheckPrimitiveFormats, out _) != PrimitiveProblem.None)
        {
            GiveUp();
        }

        target = PrimitiveToken.Read(ref _json, _source);
    }
}
