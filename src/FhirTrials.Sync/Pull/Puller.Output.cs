using System.Text;
using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Sync.Pull;

public sealed partial class Puller
{
    /// <summary>Writes one study (a collection Bundle, or its trial record) and returns the file written.</summary>
    private string Write(PulledResource study, List<PulledResource> graph, PullOptions options)
    {
        byte[] bytes;
        string registryId;
        if (options.Format == PullFormat.Records)
        {
            var record = Reverse(study, graph);
            registryId = record.RegistryId;
            bytes = Encoding.UTF8.GetBytes(TrialRecordWriter.ToJson(record) + "\n");
        }
        else
        {
            registryId = RegistryId(study);
            bytes = CollectionBundle(graph);
        }

        var path = Path.Combine(options.OutputFolder, BundleFiles.FileName(registryId));
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
        return path;
    }

    /// <summary>The study's trial record, by the reverse mapper over the pulled resources.</summary>
    private static TrialRecord Reverse(PulledResource study, List<PulledResource> graph)
    {
        try
        {
            var resources = graph.Select(r => FhirJsonParser.Parse<Resource>(r.Json, r.Key)).ToList();
            return TrialRecordReverseMapper.Default.Reverse((ResearchStudy)resources[0], ResourceSet.FromResources(resources));
        }
        catch (Exception ex) when (ex is TrialReverseMappingException or FhirParseException)
        {
            throw new PullWriteException($"cannot be turned into a trial record: {ex.Message}", ex);
        }
    }

    /// <summary>The ClinicalTrials.gov number of the study, else its first identifier, else its id.</summary>
    private static string RegistryId(PulledResource study)
    {
        using var document = JsonDocument.Parse(study.Json);
        string? first = null;
        if (document.RootElement.TryGetProperty("identifier", out var identifiers) && identifiers.ValueKind == JsonValueKind.Array)
        {
            foreach (var identifier in identifiers.EnumerateArray())
            {
                var value = identifier.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                if (identifier.TryGetProperty("system", out var system) && system.ValueEquals(SystemUris.NctId) && !string.IsNullOrWhiteSpace(value))
                {
                    return value;
                }

                first ??= string.IsNullOrWhiteSpace(value) ? null : value;
            }
        }

        return first ?? study.Id;
    }

    /// <summary>A collection Bundle of the study and what it references, each with its absolute URL on the server.</summary>
    private byte[] CollectionBundle(List<PulledResource> graph)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("type", "collection");
            writer.WriteString("timestamp", Instant(_time.GetUtcNow()));
            writer.WriteStartArray("entry");
            foreach (var resource in graph)
            {
                writer.WriteStartObject();
                writer.WriteString("fullUrl", _base + "/" + resource.Key);
                writer.WritePropertyName("resource");
                using (var document = JsonDocument.Parse(resource.Json))
                {
                    document.RootElement.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}

/// <summary>A pulled study that could not be written in the asked format.</summary>
public sealed class PullWriteException : Exception
{
    public PullWriteException()
    {
    }

    public PullWriteException(string message)
        : base(message)
    {
    }

    public PullWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
