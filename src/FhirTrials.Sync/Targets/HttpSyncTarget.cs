using System.Text.Json;
using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Targets;

/// <summary>A FHIR server reached with a <see cref="FhirClient"/>.</summary>
public sealed class HttpSyncTarget : ISyncTarget
{
    /// <summary>How many ids one <c>_id</c> search names.</summary>
    public const int IdsPerSearch = 50;

    private readonly FhirClient _client;

    public HttpSyncTarget(FhirClient client) => _client = client;

    public string Description => _client.BaseUrl.ToString();

    public FhirClient Client => _client;

    public Task<ServerCapabilities> GetCapabilitiesAsync(CancellationToken cancellationToken) => _client.GetCapabilitiesAsync(cancellationToken);

    public async Task<byte[]> TransactionAsync(ReadOnlyMemory<byte> bundle, CancellationToken cancellationToken) =>
        (await _client.TransactionAsync(bundle, idempotent: true, cancellationToken)).Body;

    public async Task<IReadOnlyList<ServerResource>> ReadManyAsync(string type, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<ServerResource>();
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(IdsPerSearch))
        {
            var query = $"{type}?_id={string.Join(',', batch.Select(Uri.EscapeDataString))}&_count={batch.Length}";
            await foreach (var page in _client.SearchPagesAsync(query, cancellationToken))
            {
                foreach (var entry in BundleReader.Entries(page.Body))
                {
                    if (entry.SearchMode is null or "match" && entry.ResourceType == type && entry.Id is { } id)
                    {
                        found.Add(Describe(type, id, entry.Resource));
                    }
                }
            }
        }

        return found;
    }

    internal static ServerResource Describe(string type, string id, ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json);
        string? version = null;
        string? updated = null;
        if (document.RootElement.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object)
        {
            version = meta.TryGetProperty("versionId", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            updated = meta.TryGetProperty("lastUpdated", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        }

        return new ServerResource(type, id, version, updated, json);
    }
}
