using System.Buffers;
using System.Globalization;
using System.Text.Json;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Writing;

namespace FhirTrials.Server.Bundles;

/// <summary>
/// Writes Bundles as JSON straight from stored resources: each resource's stored JSON goes in as is,
/// so serving a page costs no parsing. Call in order: <see cref="Start"/>, <see cref="Links"/>,
/// entries, <see cref="Finish"/>.
/// </summary>
internal sealed class BundleJsonWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer;
    private bool _entriesStarted;

    public BundleJsonWriter() => _writer = new Utf8JsonWriter(_buffer, FhirJsonSerializer.WriterOptions(indented: false));

    public Utf8JsonWriter Json => _writer;

    public void Start(string type, DateTimeOffset timestamp, long? total)
    {
        _writer.WriteStartObject();
        _writer.WriteString("resourceType", "Bundle");
        _writer.WriteString("id", Guid.NewGuid().ToString("D"));
        _writer.WritePropertyName("meta");
        _writer.WriteStartObject();
        _writer.WriteString("lastUpdated", ResourceJson.FormatInstant(timestamp));
        _writer.WriteEndObject();
        _writer.WriteString("type", type);
        _writer.WriteString("timestamp", ResourceJson.FormatInstant(timestamp));
        if (total is { } t)
        {
            _writer.WriteNumber("total", t);
        }
    }

    public void Links(IEnumerable<(string Relation, string Url)> links)
    {
        var any = false;
        foreach (var (relation, url) in links)
        {
            if (!any)
            {
                _writer.WritePropertyName("link");
                _writer.WriteStartArray();
                any = true;
            }

            _writer.WriteStartObject();
            _writer.WriteString("relation", relation);
            _writer.WriteString("url", url);
            _writer.WriteEndObject();
        }

        if (any)
        {
            _writer.WriteEndArray();
        }
    }

    /// <summary>Writes one entry: fullUrl, the resource JSON as stored, then whatever <paramref name="rest"/> adds (search, request, response).</summary>
    public void Entry(string? fullUrl, ReadOnlyMemory<byte> resource, Action<Utf8JsonWriter>? rest)
    {
        if (!_entriesStarted)
        {
            _writer.WritePropertyName("entry");
            _writer.WriteStartArray();
            _entriesStarted = true;
        }

        _writer.WriteStartObject();
        if (fullUrl is not null)
        {
            _writer.WriteString("fullUrl", fullUrl);
        }

        if (!resource.IsEmpty)
        {
            _writer.WritePropertyName("resource");
            _writer.WriteRawValue(resource.Span, skipInputValidation: true);
        }

        rest?.Invoke(_writer);
        _writer.WriteEndObject();
    }

    /// <summary>Writes a typed resource (an OperationOutcome) as an entry's <c>resource</c> or a response's <c>outcome</c>.</summary>
    public static void WriteResource(Utf8JsonWriter writer, string propertyName, Resource resource)
    {
        writer.WritePropertyName(propertyName);
        FhirJsonSerializer.Serialize(resource, writer);
    }

    /// <summary>Writes <c>"search": {"mode": …, "score": …}</c>.</summary>
    public static void WriteSearch(Utf8JsonWriter writer, string mode, decimal? score = null, Action<Utf8JsonWriter>? extensions = null)
    {
        writer.WritePropertyName("search");
        writer.WriteStartObject();
        extensions?.Invoke(writer);
        writer.WriteString("mode", mode);
        if (score is { } s)
        {
            writer.WriteNumber("score", s);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"response": {…}</c> of a history or transaction-response entry.</summary>
    public static void WriteResponse(Utf8JsonWriter writer, int status, string? location, string? etag, DateTimeOffset? lastModified, Resource? outcome)
    {
        writer.WritePropertyName("response");
        writer.WriteStartObject();
        writer.WriteString("status", StatusText(status));
        if (location is not null)
        {
            writer.WriteString("location", location);
        }

        if (etag is not null)
        {
            writer.WriteString("etag", etag);
        }

        if (lastModified is { } modified)
        {
            writer.WriteString("lastModified", ResourceJson.FormatInstant(modified));
        }

        if (outcome is not null)
        {
            WriteResource(writer, "outcome", outcome);
        }

        writer.WriteEndObject();
    }

    /// <summary><c>201 Created</c>, <c>404 Not Found</c>…</summary>
    public static string StatusText(int status)
    {
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        var code = status.ToString(CultureInfo.InvariantCulture);
        return phrase.Length == 0 ? code : code + " " + phrase;
    }

    public byte[] Finish()
    {
        if (_entriesStarted)
        {
            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenSpan.ToArray();
    }

    public void Dispose() => _writer.Dispose();
}
