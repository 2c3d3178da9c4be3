using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Engine.Sending;

/// <summary>Where an entry's response says the resource now is: type, id, version and time.</summary>
public sealed record EntryOutcome(int Status, string? Type, string? Id, string? VersionId, string? LastUpdated)
{
    /// <summary>Reads <c>response.location</c> (<c>Type/id/_history/v</c>, relative or absolute) and <c>response.etag</c>.</summary>
    public static EntryOutcome From(EntryResponse response, string fallbackType, string? fallbackId)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? type = null;
        string? id = null;
        string? version = null;
        if (response.Location is { } location)
        {
            var path = location.Split('?', 2)[0];
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var history = Array.LastIndexOf(segments, "_history");
            if (history >= 2)
            {
                (type, id) = (segments[history - 2], segments[history - 1]);
                version = history + 1 < segments.Length ? segments[history + 1] : null;
            }
            else if (segments.Length >= 2)
            {
                (type, id) = (segments[^2], segments[^1]);
            }
        }

        version ??= FhirResponse.VersionOf(response.ETag);
        return new EntryOutcome(response.Status, type ?? fallbackType, id ?? fallbackId, version, response.LastModified);
    }
}
