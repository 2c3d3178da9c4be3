using System.Runtime.InteropServices;
using System.Text.Json;
using FhirTrials.Mapping.Fhir;
using FhirTrials.Mapping.Records;

namespace FhirTrials.Sync.Engine;

/// <summary>
/// One entry of a trial's transaction Bundle: fullUrl, request (method, URL, <c>ifNoneExist</c>),
/// the resource's type, id and raw JSON.
/// </summary>
public sealed record PayloadEntry(string FullUrl, string Method, string Url, string? IfNoneExist, string Type, string? Id, ReadOnlyMemory<byte> Resource)
{
    /// <summary>A conditional create shared by trials (an Organization): not owned by any one trial.</summary>
    public bool IsShared => IfNoneExist is not null;

    /// <summary>The lock key of a shared entry: its type and criteria.</summary>
    public string SharedKey => "shared:" + Type + "?" + IfNoneExist;
}

/// <summary>A trial mapped for sending: its entries, the hash of its canonical bundle bytes, where it came from.</summary>
public sealed class TrialPayload
{
    private TrialPayload(string registryId, string source, string bundleHash, IReadOnlyList<PayloadEntry> entries)
    {
        RegistryId = registryId;
        Source = source;
        BundleHash = bundleHash;
        Entries = entries;
    }

    public string RegistryId { get; }

    /// <summary>The source file (relative to the source folder).</summary>
    public string Source { get; }

    /// <summary>SHA-256 of the mapper's bundle bytes: equal hashes, equal content.</summary>
    public string BundleHash { get; }

    public IReadOnlyList<PayloadEntry> Entries { get; }

    /// <summary>The trial's own ResearchStudy entry.</summary>
    public PayloadEntry? Study => Entries.FirstOrDefault(e => e.Type == "ResearchStudy" && !e.IsShared);

    /// <summary>The lock key of the trial.</summary>
    public string LockKey => KeyOf(RegistryId);

    public static string KeyOf(string registryId) => "trial:" + registryId;

    /// <summary>The ResearchStudy's <c>status</c> code.</summary>
    public string? StudyStatus
    {
        get
        {
            if (Study is not { } study)
            {
                return null;
            }

            using var document = JsonDocument.Parse(study.Resource);
            return document.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;
        }
    }

    /// <summary>Maps <paramref name="record"/> with <paramref name="mapper"/>: the bundle bytes (for validation) and the payload.</summary>
    public static (TrialPayload Payload, byte[] BundleJson) Map(TrialRecord record, string source, TrialBundleMapper mapper)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mapper);
        var json = mapper.MapToJson(record);
        return (FromBundleJson(record.RegistryId, source, json), json);
    }

    /// <summary>The payload of a transaction Bundle's JSON.</summary>
    public static TrialPayload FromBundleJson(string registryId, string source, byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        var entries = new List<PayloadEntry>();
        if (document.RootElement.TryGetProperty("entry", out var array))
        {
            foreach (var entry in array.EnumerateArray())
            {
                var resource = entry.GetProperty("resource");
                var request = entry.GetProperty("request");
                entries.Add(new PayloadEntry(
                    entry.GetProperty("fullUrl").GetString()!,
                    request.GetProperty("method").GetString()!,
                    request.GetProperty("url").GetString()!,
                    request.TryGetProperty("ifNoneExist", out var ifNoneExist) ? ifNoneExist.GetString() : null,
                    resource.GetProperty("resourceType").GetString()!,
                    resource.TryGetProperty("id", out var id) ? id.GetString() : null,
                    JsonMarshal.GetRawUtf8Value(resource).ToArray()));
            }
        }

        return new TrialPayload(registryId, source, Engine.ContentHash.Of(json), entries);
    }
}
