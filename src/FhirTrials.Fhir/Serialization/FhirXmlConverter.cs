using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;

namespace FhirTrials.Fhir.Serialization;

/// <summary>
/// Converts a FHIR XML resource to FHIR JSON, following the R4 XML and JSON format pages: repeating
/// elements become arrays, a primitive's <c>value</c> attribute becomes a JSON value of its JSON type
/// and its id and extensions the <c>_name</c> companion, resources lose their wrapper element, and the
/// narrative <c>div</c> is kept as XHTML text. The JSON is then parsed (and validated) as usual; values
/// are copied as they are, so the JSON parser reports bad ones. Unknown elements and attributes are
/// errors here, with the XML line and column.
/// </summary>
public static partial class FhirXmlConverter
{
    private static readonly XNamespace Fhir = "http://hl7.org/fhir";
    private static readonly HashSet<string> NumberTypes = new(StringComparer.Ordinal) { "integer", "positiveInt", "unsignedInt", "decimal" };

    /// <summary>Converts UTF-8 FHIR XML to UTF-8 FHIR JSON; throws <see cref="FhirParseException"/> (with line and column) on bad input.</summary>
    public static byte[] ToJson(ReadOnlyMemory<byte> xml, string? sourceName = null)
    {
        XDocument document;
        try
        {
            using var stream = new MemoryStream(xml.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw Fail(sourceName, ex.LineNumber, ex.LinePosition, "invalid XML: " + ex.Message);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            WriteResource(writer, document.Root!, sourceName);
        }

        return buffer.ToArray();
    }

    private static void WriteResource(Utf8JsonWriter writer, XElement element, string? sourceName)
    {
        if (element.Name.Namespace != Fhir || ModelInfo.GetType(element.Name.LocalName) is not { IsResource: true, IsAbstract: false } type)
        {
            throw Fail(sourceName, element, $"expected a FHIR resource in the namespace {Fhir.NamespaceName}, found <{element.Name.LocalName}>");
        }

        writer.WriteStartObject();
        writer.WriteString("resourceType", type.Name);
        WriteMembers(writer, element, type, sourceName);
        writer.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter writer, XElement element, FhirTypeInfo type, string? sourceName)
    {
        foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace == XNamespace.None))
        {
            if (!type.TryGetJsonProperty(attribute.Name.LocalName, out var property) || !property.Element.IsXmlAttribute)
            {
                throw Fail(sourceName, element, $"unknown attribute '{attribute.Name.LocalName}' on <{element.Name.LocalName}> ({type.Name})");
            }

            writer.WriteString(property.JsonName, attribute.Value);
        }

        if (element.Nodes().OfType<XText>().FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.Value)) is { } text)
        {
            throw Fail(sourceName, element, $"text content is not allowed in <{element.Name.LocalName}>: FHIR XML puts values in value attributes ('{text.Value.Trim()}')");
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name))
        {
            var items = group.ToList();
            if (group.Key.Namespace != Fhir && group.Key.LocalName != "div"
                || !type.TryGetJsonProperty(group.Key.LocalName, out var property) || property.IsExtensionPart)
            {
                throw Fail(sourceName, items[0], $"unknown element <{group.Key.LocalName}> in {type.Name}");
            }

            if (property.Type.Name == "xhtml")
            {
                WriteMaybeArray(writer, property, items, item => writer.WriteStringValue(item.ToString(SaveOptions.DisableFormatting)));
            }
            else if (property.Type.IsPrimitive)
            {
                WritePrimitive(writer, property, items, sourceName);
            }
            else if (property.Type.IsResource || property.Type.Name == "Resource")
            {
                WriteMaybeArray(writer, property, items, item => WriteResource(writer, item.Elements().FirstOrDefault() ?? throw Fail(sourceName, item, $"<{item.Name.LocalName}> must hold a resource"), sourceName));
            }
            else
            {
                WriteMaybeArray(writer, property, items, item =>
                {
                    writer.WriteStartObject();
                    WriteMembers(writer, item, property.Type, sourceName);
                    writer.WriteEndObject();
                });
            }
        }
    }

    private static void WritePrimitive(Utf8JsonWriter writer, FhirJsonProperty property, List<XElement> items, string? sourceName)
    {
        var extensionType = ModelInfo.GetTypeOrThrow("Extension");
        foreach (var item in items)
        {
            if (item.Elements().FirstOrDefault(e => e.Name != Fhir + "extension") is { } other)
            {
                throw Fail(sourceName, other, $"unknown element <{other.Name.LocalName}> in the primitive <{item.Name.LocalName}>");
            }
        }

        if (items.Any(i => i.Attribute("value") is not null))
        {
            WriteMaybeArray(writer, property, items, item => WriteValue(writer, property.Type.Name, item.Attribute("value")?.Value));
        }

        if (items.Any(i => i.Attribute("id") is not null || i.Elements().Any()))
        {
            writer.WritePropertyName("_" + property.JsonName);
            WriteList(writer, property.Element.IsCollection || items.Count > 1, items, item =>
            {
                if (item.Attribute("id") is null && !item.Elements().Any())
                {
                    writer.WriteNullValue();
                    return;
                }

                writer.WriteStartObject();
                if (item.Attribute("id") is { } id)
                {
                    writer.WriteString("id", id.Value);
                }

                if (item.Elements().Any())
                {
                    writer.WriteStartArray("extension");
                    foreach (var extension in item.Elements())
                    {
                        writer.WriteStartObject();
                        WriteMembers(writer, extension, extensionType, sourceName);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            });
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string typeName, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (typeName == "boolean" && value is "true" or "false")
        {
            writer.WriteBooleanValue(value == "true");
        }
        else if (NumberTypes.Contains(typeName) && JsonNumberSyntax().IsMatch(value))
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static void WriteMaybeArray(Utf8JsonWriter writer, FhirJsonProperty property, List<XElement> items, Action<XElement> write)
    {
        writer.WritePropertyName(property.JsonName);
        WriteList(writer, property.Element.IsCollection || items.Count > 1, items, write);
    }

    private static void WriteList(Utf8JsonWriter writer, bool array, List<XElement> items, Action<XElement> write)
    {
        if (array)
        {
            writer.WriteStartArray();
        }

        items.ForEach(write);
        if (array)
        {
            writer.WriteEndArray();
        }
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumberSyntax();

    private static FhirParseException Fail(string? sourceName, XElement element, string message) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? Fail(sourceName, info.LineNumber, info.LinePosition, message) : Fail(sourceName, 0, 0, message);

    private static FhirParseException Fail(string? sourceName, int line, int column, string message) =>
        new(new ParseIssue(IssueSeverity.Fatal, IssueType.Structure, message, null, line > 0 ? new SourcePosition(line, column) : null, sourceName));
}
