using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Introspection;
using FhirTrials.Fhir.Model;
using FhirTrials.Fhir.Serialization;
using FhirTrials.Server.Outcomes;
using FhirTrials.Server.Storage;

namespace FhirTrials.Server.Transactions;

/// <summary>One entry of a transaction or batch: its request (method and URL parsed), resource and fullUrl, and what processing decided.</summary>
internal sealed class TransactionEntry
{
    private TransactionEntry(int index, string method, string url, string type)
    {
        Index = index;
        Method = method;
        Url = url;
        Type = type;
    }

    public int Index { get; }

    /// <summary>GET, HEAD, POST, PUT, PATCH or DELETE.</summary>
    public string Method { get; }

    public string Url { get; }

    /// <summary>The resource type the URL names.</summary>
    public string Type { get; }

    /// <summary>The id in the URL (<c>Type/id</c>), or the id decided during processing.</summary>
    public string? Id { get; set; }

    /// <summary>The version in a <c>Type/id/_history/v</c> URL.</summary>
    public long? Version { get; private set; }

    /// <summary>The search part of a conditional URL (<c>Type?criteria</c>).</summary>
    public string? Criteria { get; private set; }

    public string? FullUrl { get; private set; }

    public ReadOnlyMemory<byte> Resource { get; set; }

    public string? IfMatch { get; private set; }

    public string? IfNoneExist { get; private set; }

    /// <summary>For a conditional create that found its match: the existing resource (nothing is written).</summary>
    public ResourceKey? Existing { get; set; }

    public EntryResult? Result { get; set; }

    /// <summary>"entry 3 (POST ResearchStudy)" for messages.</summary>
    public string Label => $"entry {Index} ({Method} {Url})";

    /// <summary>Reads entry <paramref name="index"/> of a Bundle tree; 400 when its request is unusable.</summary>
    public static TransactionEntry Read(ElementNode entry, int index)
    {
        var request = entry.Child("request") ?? throw Bad(index, "has no request");
        var method = request.Child("method")?.Text ?? throw Bad(index, "has no request.method");
        var url = request.Child("url")?.Text ?? throw Bad(index, "has no request.url");
        var (type, id, version, criteria) = ParseUrl(url) ?? throw Bad(index, $"request.url '{url}' names no resource type");
        var result = new TransactionEntry(index, method, url, type)
        {
            Id = id,
            Version = version,
            Criteria = criteria,
            FullUrl = entry.Child("fullUrl")?.Text,
            IfMatch = request.Child("ifMatch")?.Text,
            IfNoneExist = request.Child("ifNoneExist")?.Text,
        };
        if (entry.Child("resource") is { } resource)
        {
            result.Resource = FhirJsonSerializer.SerializeToUtf8Bytes(resource);
        }

        var needsResource = method is "POST" or "PUT";
        if (needsResource && result.Resource.IsEmpty)
        {
            throw Bad(index, $"{method} needs a resource");
        }

        if (method == "PUT" && id is null && criteria is null)
        {
            throw Bad(index, "PUT needs Type/id or Type?criteria");
        }

        if (method is "DELETE" && id is null && criteria is null)
        {
            throw Bad(index, "DELETE needs Type/id or Type?criteria");
        }

        return result;
    }

    /// <summary>Splits <c>Type</c>, <c>Type/id</c>, <c>Type/id/_history/v</c>, <c>Type?criteria</c> (an absolute URL is cut at the type).</summary>
    internal static (string Type, string? Id, long? Version, string? Criteria)? ParseUrl(string url)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question >= 0 ? url[..question] : url;
        var criteria = question >= 0 ? url[(question + 1)..] : null;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => ModelInfo.IsResourceType(s));
        if (start < 0)
        {
            return null;
        }

        var rest = segments[(start + 1)..];
        var id = rest.Length > 0 ? rest[0] : null;
        long? version = rest.Length == 3 && rest[1] == "_history" && long.TryParse(rest[2], System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
        return (segments[start], id, version, criteria);
    }

    private static FhirOperationException Bad(int index, string message) =>
        new(400, IssueType.Invalid, $"Bundle.entry[{index}] {message}");
}
