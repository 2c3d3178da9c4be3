using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Reads valid FHIR JSON straight into the generated classes, without building the element tree.
/// It knows only valid input: at anything it is not certain about (unknown or repeated property,
/// wrong token, bad primitive, empty object, array or string, misplaced null, comment, malformed
/// JSON…) it gives up, and <see cref="FhirJsonParser.Parse{T}(ReadOnlyMemory{byte}, string?)"/> reads the
/// same bytes through the tree, which words the problem. So it never reports an error itself.
/// The generated <c>ReadJsonMember</c> overrides call its element readers.
/// </summary>
internal ref partial struct DirectJsonReader
{
    private readonly SourceText _source;
    private readonly FhirJsonParserSettings _settings;
    private Utf8JsonReader _json;

    // One list of read but not yet stored list items per thread, reused from read to read.
    [ThreadStatic]
    private static List<Base>? t_spareScratch;

    // Items of the lists being read, innermost last; each list takes its own into an exact-size list when it ends.
    private readonly List<Base> _scratch;

    // Primitive lists holding null placeholders whose object has not ended yet: each needs its `_name` part.
    private List<IList>? _placeholders;

    private DirectJsonReader(SourceText source, FhirJsonParserSettings settings)
    {
        _source = source;
        _settings = settings;
        _scratch = t_spareScratch ?? new(64);
        t_spareScratch = null;
        var comments = settings.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow;
        _json = new Utf8JsonReader(source.Utf8, new JsonReaderOptions { MaxDepth = settings.MaxDepth, CommentHandling = comments });
    }

    /// <summary>The resource in <paramref name="source"/>, or null when the direct reader gave up on it.</summary>
    public static Resource? TryRead(SourceText source, FhirJsonParserSettings settings)
    {
        var reader = new DirectJsonReader(source, settings);
        try
        {
            return reader.ReadDocument();
        }
        // JsonException: malformed JSON; FhirParseException: a nested tree that failed; InvalidOperationException:
        // a string the JSON reader cannot decode. The tree path reports each of them in its own way.
        catch (Exception ex) when (ex is GiveUpException or JsonException or FhirParseException or InvalidOperationException)
        {
            return null;
        }
        finally
        {
            reader._scratch.Clear();
            if (reader._scratch.Capacity <= 1 << 16)
            {
                t_spareScratch = reader._scratch;
            }
        }
    }

    /// <summary>Stops reading: the input is not something the direct reader is sure about.</summary>
    [DoesNotReturn]
    public readonly void GiveUp() => throw new GiveUpException();

    private Resource? ReadDocument()
    {
        if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject)
        {
            GiveUp();
        }

        // A root type without a class is common (most R4 types): say so without the cost of an exception.
        var type = ResourceTypeAhead();
        if (!NodeReader.HasClass(type.Name))
        {
            return null;
        }

        var resource = ReadResource(type);
        while (_json.Read())
        {
            // Trailing content after the resource is malformed JSON: the reader throws.
        }

        return resource;
    }

    /// <summary>Reads the resource object the reader stands on, of a type with a class, into that class.</summary>
    private Resource ReadResource(FhirTypeInfo type)
    {
        var resource = ModelFactory.CreateResource(type.Name) ?? throw new GiveUpException();
        ReadObject(resource, type, isResource: true);
        return resource;
    }

    /// <summary>Reads a resource inside a resource: into its class, or for a type without one into a tree of its own.</summary>
    private Resource ReadNestedResource()
    {
        var type = ResourceTypeAhead();
        return NodeReader.HasClass(type.Name)
            ? ReadResource(type)
            : new DynamicResource(FhirJsonParser.ParseDetachedResource(ref _json, type, _source, _settings));
    }

    /// <summary>The type named by the object's <c>resourceType</c> (almost always its first property), without moving the reader.</summary>
    private readonly FhirTypeInfo ResourceTypeAhead()
    {
        string? name;
        var probe = _json;
        if (probe.Read() && probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("resourceType"u8))
        {
            probe.Read();
            name = probe.TokenType != JsonTokenType.String ? null
                : probe.ValueIsEscaped ? probe.GetString() : Utf8StringCache.Get(probe.ValueSpan);
        }
        else
        {
            name = FhirJsonParser.FindResourceType(_json).Name;
        }

        return name is not null && ModelInfo.GetType(name) is { IsResource: true, IsAbstract: false } type ? type : throw new GiveUpException();
    }

    /// <summary>Reads the properties of the object the reader stands on into <paramref name="target"/>, typed by <paramref name="type"/>.</summary>
    private void ReadObject(Base target, FhirTypeInfo type, bool isResource)
    {
        var seen = default(SeenProperties);
        var members = 0;
        var placeholders = _placeholders?.Count ?? 0;
        while (_json.Read() && _json.TokenType == JsonTokenType.PropertyName)
        {
            members++;
            if (isResource && _json.ValueTextEquals("resourceType"u8))
            {
                _json.Read();
                _json.Skip();
                continue;
            }

            if (!FhirJsonParser.TryGetProperty(ref _json, type, out var property) || !seen.Mark(property.Element.Order, property.IsExtensionPart))
            {
                GiveUp();
            }

            _json.Read();
            target.ReadJsonMember(ref this, property);
        }

        if (members == 0)
        {
            GiveUp();
        }

        if (_placeholders is { } pending && pending.Count > placeholders)
        {
            CheckPlaceholders(pending, placeholders);
        }
    }

    /// <summary>Every null placeholder of the object's primitive lists got its <c>_name</c> part (else the tree reports it).</summary>
    private static void CheckPlaceholders(List<IList> pending, int start)
    {
        for (var i = start; i < pending.Count; i++)
        {
            foreach (PrimitiveType item in pending[i])
            {
                if (item.IsEmpty)
                {
                    throw new GiveUpException();
                }
            }
        }

        pending.RemoveRange(start, pending.Count - start);
    }

    /// <summary>Private to the direct reader: thrown to abandon it, caught in <see cref="TryRead"/>.</summary>
    private sealed class GiveUpException : Exception
    {
    }
}
