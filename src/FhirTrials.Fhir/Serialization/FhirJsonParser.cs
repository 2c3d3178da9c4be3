using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Reads FHIR JSON (as the R4 JSON format page defines it) into the element tree, checking structure,
/// JSON types and primitive formats as it goes. Strict mode throws <see cref="FhirParseException"/> at
/// the first problem; lenient mode reports every problem and keeps everything it can.
/// </summary>
public sealed partial class FhirJsonParser
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private readonly FhirJsonParserSettings _settings;

    // Set by Parse<T> only: nested resources become classes as soon as they are read (see there).
    private bool _convertNestedResources;

    public FhirJsonParser(FhirJsonParserSettings? settings = null) => _settings = settings ?? FhirJsonParserSettings.Strict;

    /// <summary>
    /// Parses one resource from UTF-8 bytes. The tree keeps primitive values as slices of
    /// <paramref name="utf8"/> until they are read, so the bytes must not change afterwards.
    /// </summary>
    public ParseResult Parse(ReadOnlyMemory<byte> utf8, string? sourceName = null)
    {
        utf8 = WithoutBom(utf8);
        var invalidUtf8 = Utf8Input.FirstInvalid(utf8.Span);
        if (invalidUtf8 >= 0)
        {
            utf8 = Utf8Input.WithInvalidReplaced(utf8.Span);
        }

        var context = new ParseContext(new SourceText(sourceName, utf8), _settings);
        var handling = _settings.AllowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow;
        ElementNode? root;
        try
        {
            if (invalidUtf8 >= 0)
            {
                context.Error(IssueType.Structure, "invalid UTF-8: JSON text must be UTF-8 (the byte sequence here is not)", null, invalidUtf8);
            }

            (root, var failure) = ParseDocument(utf8, context, handling);
            if (failure is not null && handling == JsonCommentHandling.Disallow && CommentOffsets(utf8.Span) is { Count: > 0 } comments)
            {
                // Comments are not JSON: report each one and read the rest as if they were not there.
                context.ReleaseScratch();
                context = new ParseContext(context.Source, _settings);
                foreach (var offset in comments)
                {
                    context.Error(IssueType.Structure, "comments are not allowed in JSON", null, offset);
                }

                (root, failure) = ParseDocument(utf8, context, JsonCommentHandling.Skip);
            }

            if (failure is { } malformed)
            {
                context.MalformedJson(malformed.Exception, malformed.EndOfInput);
            }
        }
        finally
        {
            context.ReleaseScratch();
        }

        if (root is not null)
        {
            root.Source = context.Source;
        }

        return new ParseResult(root, context.Issues);
    }

    private (ElementNode? Root, (JsonException Exception, bool EndOfInput)? Failure) ParseDocument(ReadOnlyMemory<byte> utf8, ParseContext context, JsonCommentHandling comments)
    {
        ElementNode? root = null;
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = _settings.MaxDepth, CommentHandling = comments });
        try
        {
            if (utf8.Span.TrimStart(" \t\r\n"u8).IsEmpty || !reader.Read())
            {
                context.Error(IssueType.Structure, "the input is empty: expected a FHIR resource as a JSON object", null, -1);
            }
            else if (reader.TokenType != JsonTokenType.StartObject)
            {
                context.Error(IssueType.Structure, $"expected a FHIR resource as a JSON object, found {Describe(reader.TokenType)}", null, reader.TokenStartIndex);
            }
            else
            {
                root = ParseResource(ref reader, context, parent: null, property: null, index: 0, inArray: false);
                while (reader.Read())
                {
                    // Drain: trailing content after the resource is malformed JSON and the reader throws.
                }
            }
        }
        catch (JsonException ex)
        {
            return (root, (ex, reader.BytesConsumed >= utf8.Length));
        }

        return (root, null);
    }

    /// <summary>Parses one resource from a string.</summary>
    public ParseResult Parse(string json, string? sourceName = null) => Parse(Encoding.UTF8.GetBytes(json), sourceName);

    /// <summary>Parses strictly and returns the tree; throws <see cref="FhirParseException"/> on any problem.</summary>
    public static ElementNode ParseNode(ReadOnlyMemory<byte> utf8, string? sourceName = null)
    {
        var result = new FhirJsonParser(FhirJsonParserSettings.Strict).Parse(utf8, sourceName);
        return result.Root ?? throw new FhirParseException(result.Issues[0]);
    }

    /// <summary>
    /// Parses strictly into the typed model. Valid input is read straight into the classes
    /// (<see cref="DirectJsonReader"/>); anything else goes through the element tree, which reports the
    /// first problem. There, nested resources (Bundle entries, contained resources, Parameters values)
    /// become classes as soon as they are read and their part of the tree is let go.
    /// </summary>
    public static T Parse<T>(ReadOnlyMemory<byte> utf8, string? sourceName = null)
        where T : Resource
    {
        if (TryParseDirect(utf8, sourceName) is T direct)
        {
            return direct;
        }

        var outer = NodeReader.EarlyResources;
        NodeReader.EarlyResources = new Dictionary<ElementNode, Resource>(ReferenceEqualityComparer.Instance);
        try
        {
            var result = new FhirJsonParser(FhirJsonParserSettings.Strict) { _convertNestedResources = true }.Parse(utf8, sourceName);
            var node = result.Root ?? throw new FhirParseException(result.Issues[0]);
            return NodeReader.Resource(node) as T
                ?? throw new FhirParseException(new ParseIssue(IssueSeverity.Error, IssueType.Structure, $"expected a {typeof(T).Name}, found a {node.Type?.Name}", node.Location, node.Position, sourceName));
        }
        finally
        {
            NodeReader.EarlyResources = outer;
        }
    }

    /// <summary>The typed resource read without the element tree, or null when the direct reader gave up (see <see cref="Parse{T}(ReadOnlyMemory{byte}, string?)"/>).</summary>
    internal static Resource? TryParseDirect(ReadOnlyMemory<byte> utf8, string? sourceName)
    {
        utf8 = WithoutBom(utf8);
        return Utf8Input.FirstInvalid(utf8.Span) < 0 ? DirectJsonReader.TryRead(new SourceText(sourceName, utf8), FhirJsonParserSettings.Strict) : null;
    }

    /// <summary>
    /// Reads the resource object <paramref name="reader"/> stands on, of the already known
    /// <paramref name="type"/>, into a tree of its own, strictly (the direct reader's way with resource
    /// types that have no class).
    /// </summary>
    internal static ElementNode ParseDetachedResource(ref Utf8JsonReader reader, FhirTypeInfo type, SourceText source, FhirJsonParserSettings settings)
    {
        var context = new ParseContext(source, settings);
        try
        {
            var node = new FhirJsonParser(settings).ParseResource(ref reader, context, parent: null, property: null, index: 0, inArray: false, type);
            node.Source = source;
            return node;
        }
        finally
        {
            context.ReleaseScratch();
        }
    }

    /// <summary>Parses strictly from a string into the typed model.</summary>
    public static T Parse<T>(string json, string? sourceName = null)
        where T : Resource => Parse<T>(Encoding.UTF8.GetBytes(json), sourceName);

    private ElementNode ParseResource(ref Utf8JsonReader reader, ParseContext context, ElementNode? parent, ElementInfo? property, int index, bool inArray, FhirTypeInfo? knownType = null)
    {
        var offset = reader.TokenStartIndex;
        var type = knownType;
        if (type is null)
        {
            var (typeName, typeOffset) = FindResourceType(reader);
            if (typeName is null)
            {
                context.Error(IssueType.Structure, "missing 'resourceType': a resource must say its type", Location(), offset);
            }
            else if (ModelInfo.GetType(typeName) is not { IsResource: true, IsAbstract: false } known)
            {
                context.Error(IssueType.Structure, $"unknown resource type '{typeName}'", Location(), typeOffset);
            }
            else
            {
                type = known;
            }
        }

        var name = parent is null ? type?.Name ?? "Resource" : property!.Name;
        var node = new ElementNode(name, type, property, parent) { Index = index, SourceOffset = (int)offset, IsJsonArrayMember = inArray };
        if (type is null)
        {
            ParseUntypedObject(ref reader, context, node);
        }
        else
        {
            ParseMembers(ref reader, context, node, type, isResource: true);
            if (_convertNestedResources && parent is not null && context.Issues.Count == 0)
            {
                ConvertEarly(node);
            }
        }

        return node;

        string? Location() => parent is null ? null : $"{parent.Location}.{property!.Name}{(property.IsCollection ? $"[{index}]" : string.Empty)}";
    }

    /// <summary>
    /// Turns a finished nested resource into its class now and drops its subtree. Not inside a resource type
    /// without a class: that one keeps its whole tree (<see cref="DynamicResource"/>) and writes from it.
    /// </summary>
    private static void ConvertEarly(ElementNode node)
    {
        for (var enclosing = node.Parent; enclosing is not null; enclosing = enclosing.Parent)
        {
            if (enclosing.IsResource && !NodeReader.HasClass(enclosing.Type!.Name))
            {
                return;
            }
        }

        var resource = NodeReader.Resource(node);
        if (resource is not DynamicResource)
        {
            NodeReader.EarlyResources![node] = resource;
            node.ReleaseChildren();
        }
    }

    /// <summary>Looks ahead (on a copy of the reader) for the object's <c>resourceType</c>, wherever it stands.</summary>
    internal static (string? Name, long Offset) FindResourceType(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.ValueTextEquals("resourceType"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? (reader.GetString(), reader.TokenStartIndex) : (null, reader.TokenStartIndex);
            }

            reader.Read();
            reader.Skip();
        }

        return (null, -1);
    }

    /// <summary>The input without a leading UTF-8 byte order mark (allowed, and not part of the JSON).</summary>
    private static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith(Utf8Bom) ? utf8[Utf8Bom.Length..] : utf8;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
