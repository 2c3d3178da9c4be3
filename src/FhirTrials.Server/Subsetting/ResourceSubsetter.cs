using System.Buffers;
using System.Text.Json;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Search;

namespace FhirTrials.Server.Subsetting;

/// <summary>
/// Returns parts of resources as the search page's <c>_summary</c> and <c>_elements</c> ask: the
/// summary elements (recursively through backbone elements), the narrative only, everything but the
/// narrative, or the named top-level elements — always with <c>id</c>, <c>meta</c> and the mandatory
/// elements, and with <c>meta.tag</c> SUBSETTED added so nobody mistakes the result for the whole.
/// </summary>
public static class ResourceSubsetter
{
    private const string SubsettedSystem = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

    /// <summary>True when <paramref name="summary"/> and <paramref name="elements"/> leave resources whole.</summary>
    public static bool IsWhole(SummaryMode summary, IReadOnlyCollection<string> elements) =>
        summary is SummaryMode.None or SummaryMode.False or SummaryMode.Count && elements.Count == 0;

    public static byte[] Apply(ReadOnlyMemory<byte> json, SummaryMode summary, IReadOnlyCollection<string> elements)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var type = root.TryGetProperty("resourceType", out var rt) ? ModelInfo.GetType(rt.GetString() ?? string.Empty) : null;
        var buffer = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(buffer, FhirJsonSerializer.WriterOptions(indented: false)))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
            {
                var element = type is not null && type.TryGetJsonProperty(property.Name, out var p) ? p : null;
                if (property.Name == "meta")
                {
                    WriteMeta(writer, property.Value);
                }
                else if (property.Name is "resourceType" or "id" || Keep(element, summary, elements))
                {
                    if (summary == SummaryMode.True && element?.Type.Kind == FhirTypeKind.Backbone)
                    {
                        writer.WritePropertyName(property.Name);
                        WriteSummary(writer, property.Value, element.Type);
                    }
                    else
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            if (!root.TryGetProperty("meta", out _))
            {
                WriteMeta(writer, default);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool Keep(FhirJsonProperty? property, SummaryMode summary, IReadOnlyCollection<string> elements)
    {
        if (property is null)
        {
            return elements.Count == 0 && summary == SummaryMode.Data;
        }

        var element = property.Element;
        if (element.Min > 0)
        {
            return true;
        }

        if (elements.Count > 0)
        {
            return elements.Contains(element.Name) || elements.Contains(property.JsonName);
        }

        return summary switch
        {
            SummaryMode.True => element.IsSummary,
            SummaryMode.Text => element.Name == "text",
            SummaryMode.Data => element.Name != "text",
            _ => true,
        };
    }

    private static void WriteSummary(Utf8JsonWriter writer, JsonElement value, FhirTypeInfo backbone)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            foreach (var item in value.EnumerateArray())
            {
                WriteSummary(writer, item, backbone);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (var property in value.EnumerateObject())
        {
            if (!backbone.TryGetJsonProperty(property.Name, out var p) || !(p.Element.IsSummary || p.Element.Min > 0))
            {
                continue;
            }

            if (p.Type.Kind == FhirTypeKind.Backbone)
            {
                writer.WritePropertyName(property.Name);
                WriteSummary(writer, property.Value, p.Type);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteMeta(Utf8JsonWriter writer, JsonElement meta)
    {
        writer.WritePropertyName("meta");
        writer.WriteStartObject();
        var tagWritten = false;
        if (meta.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in meta.EnumerateObject())
            {
                if (property.Name != "tag")
                {
                    property.WriteTo(writer);
                    continue;
                }

                writer.WritePropertyName("tag");
                writer.WriteStartArray();
                foreach (var tag in property.Value.EnumerateArray())
                {
                    tag.WriteTo(writer);
                }

                WriteSubsettedTag(writer);
                writer.WriteEndArray();
                tagWritten = true;
            }
        }

        if (!tagWritten)
        {
            writer.WritePropertyName("tag");
            writer.WriteStartArray();
            WriteSubsettedTag(writer);
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteSubsettedTag(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("system", SubsettedSystem);
        writer.WriteString("code", "SUBSETTED");
        writer.WriteEndObject();
    }
}
