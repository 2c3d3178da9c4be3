using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FhirTrials.Sync.Tests.Fakes;

/// <summary>One version of a resource in a fake server.</summary>
public sealed record FakeVersion(string Type, string Id, int VersionId, DateTimeOffset LastUpdated, JsonObject? Resource)
{
    public bool Deleted => Resource is null;
}

/// <summary>
/// The in-memory resources of a fake FHIR server: versions per type and id, searches on <c>_id</c>,
/// <c>identifier</c> (indexed by system and value) and <c>url</c>, and a count of every write that
/// reached it (no-ops included). <see cref="Atomically{T}"/> undoes a failed transaction's writes.
/// Not thread-safe: the server serializes access.
/// </summary>
public sealed partial class FakeStore
{
    private readonly Dictionary<string, SortedDictionary<string, List<FakeVersion>>> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Type, string Token), SortedSet<string>> _identifiers = [];
    private List<Action>? _undo;
    private int _nextId;

    /// <summary>Writes (create, update, delete, including ones that changed nothing) per <c>Type/id</c>.</summary>
    public Dictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>Writes that made a new version.</summary>
    public int VersionsWritten { get; private set; }

    public FakeVersion? Current(string type, string id) =>
        _types.TryGetValue(type, out var ids) && ids.TryGetValue(id, out var versions) ? versions[^1] : null;

    /// <summary>Current, not deleted resources, optionally of one type, in type and id order.</summary>
    public IEnumerable<FakeVersion> Live(string? type = null)
    {
        var types = type is null
            ? _types.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value)
            : _types.TryGetValue(type, out var ids) ? [ids] : [];
        return types.SelectMany(ids => ids.Values).Select(v => v[^1]).Where(v => !v.Deleted);
    }

    /// <summary>Live resources of <paramref name="type"/> matching a query string (<c>identifier=sys|val</c>, <c>url=…</c>, <c>_id=a,b</c>).</summary>
    public List<FakeVersion> Search(string type, string criteria)
    {
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery("?" + criteria.TrimStart('?'));
        IEnumerable<FakeVersion> matches = parameters.TryGetValue("identifier", out var identifier) && identifier.ToString() is var token && token.IndexOf('|', StringComparison.Ordinal) > 0
            ? _identifiers.TryGetValue((type, token), out var found) ? [.. found.Select(id => Current(type, id)!)] : []
            : Live(type);
        foreach (var (name, values) in parameters)
        {
            var value = values.ToString();
            matches = name switch
            {
                "_id" => matches.Where(v => value.Split(',').Contains(v.Id, StringComparer.Ordinal)),
                "identifier" => matches.Where(v => HasIdentifier(v.Resource!, value)),
                "url" => matches.Where(v => v.Resource!["url"]?.GetValue<string>() == value),
                _ when name.StartsWith('_') => matches,
                _ => matches.Where(v => v.Resource![name] is JsonValue property && property.TryGetValue<string>(out var text) ? text == value : throw new FakeFhirException(400, "unknown search parameter " + name)),
            };
        }

        return [.. matches];
    }

    public string NewId()
    {
        _undo?.Add(() => _nextId--);
        return "srv-" + (++_nextId).ToString("D6", CultureInfo.InvariantCulture);
    }

    /// <summary>Stores <paramref name="resource"/> as the next version (unchanged content keeps the current version, as HAPI does).</summary>
    public (FakeVersion Version, bool Created) Put(string type, string id, JsonObject resource, DateTimeOffset now)
    {
        Count(type, id);
        var current = Current(type, id);
        resource["id"] = id;
        if (current is { Deleted: false } && SameContent(current.Resource!, resource))
        {
            return (current, false);
        }

        var version = new FakeVersion(type, id, (current?.VersionId ?? 0) + 1, now, Stamp(resource, (current?.VersionId ?? 0) + 1, now));
        Append(version);
        return (version, current is null || current.Deleted);
    }

    public FakeVersion? Delete(string type, string id, DateTimeOffset now)
    {
        Count(type, id);
        var current = Current(type, id);
        if (current is null || current.Deleted)
        {
            return null;
        }

        var version = new FakeVersion(type, id, current.VersionId + 1, now, null);
        Append(version);
        return version;
    }

    public static bool SameContent(JsonObject a, JsonObject b) => JsonNode.DeepEquals(WithoutMeta(a), WithoutMeta(b));

    private static JsonObject Stamp(JsonObject resource, int version, DateTimeOffset now)
    {
        var copy = resource.DeepClone().AsObject();
        if (copy["meta"] is not JsonObject meta)
        {
            meta = [];
            copy["meta"] = meta;
        }

        meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        meta["lastUpdated"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        return copy;
    }

    private static JsonObject WithoutMeta(JsonObject resource)
    {
        var copy = resource.DeepClone().AsObject();
        if (copy["meta"] is JsonObject meta)
        {
            meta.Remove("versionId");
            meta.Remove("lastUpdated");
            if (meta.Count == 0)
            {
                copy.Remove("meta");
            }
        }

        return copy;
    }

    private static bool HasIdentifier(JsonObject resource, string token)
    {
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        var (system, value) = bar >= 0 ? (token[..bar], token[(bar + 1)..]) : (null, token);
        return resource["identifier"] is JsonArray identifiers && identifiers.OfType<JsonObject>().Any(i =>
            (system is null || i["system"]?.GetValue<string>() == system) && i["value"]?.GetValue<string>() == value);
    }
}

/// <summary>A failure the fake answers with an HTTP status and an OperationOutcome.</summary>
public sealed class FakeFhirException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
