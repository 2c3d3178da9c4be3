using System.Globalization;
using System.Text.Json;
using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Pull;

/// <summary>
/// The hospital side of the exchange: searches a FHIR server's ResearchStudy resources with what they
/// reference (<c>_include</c> of protocol, enrollment, sponsor, site, principal investigator and, iterated,
/// the protocol's ActivityDefinitions and the roles' practitioners), follows <c>next</c> links verbatim,
/// reads any referenced resource the includes did not bring, and writes one file per study. Incremental:
/// only studies whose <c>_lastUpdated</c> is at or after the previous complete pull's start (kept in
/// <see cref="PullState"/> in the output folder) are fetched. Studies deleted on the server are not seen.
/// </summary>
public sealed partial class Puller
{
    /// <summary>The <c>_include</c> parameters of the study search (all supported by <c>fhirtrials serve</c>).</summary>
    public const string Includes =
        "_include=ResearchStudy:protocol&_include=ResearchStudy:enrollment&_include=ResearchStudy:sponsor&_include=ResearchStudy:site"
        + "&_include=ResearchStudy:principalinvestigator&_include:iterate=PlanDefinition:definition"
        + "&_include:iterate=PractitionerRole:practitioner&_include:iterate=PractitionerRole:organization";

    /// <summary>The most resources one study's file gets (a guard against reference chains without end).</summary>
    public const int MaxResourcesPerStudy = 5_000;

    private readonly FhirClient _client;
    private readonly TimeProvider _time;
    private readonly string _base;

    public Puller(FhirClient client, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _time = time ?? TimeProvider.System;
        _base = client.BaseUrl.ToString().TrimEnd('/');
    }

    /// <summary>The search of one pull: changed studies (when <paramref name="since"/> is given), oldest change first.</summary>
    public static string Query(DateTimeOffset? since, int pageSize)
    {
        var filter = since is { } from ? "_lastUpdated=ge" + from.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "&" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"ResearchStudy?{filter}_sort=_lastUpdated&_count={pageSize}&{Includes}");
    }

    /// <summary>
    /// Pulls into <see cref="PullOptions.OutputFolder"/>. A study that cannot be written is reported in
    /// <see cref="PullReport.Failures"/> (the others are still written) and keeps the high-water mark where it
    /// was, so the next pull fetches it again. Throws <see cref="FhirClientException"/> when the server fails
    /// and <see cref="InvalidDataException"/> for an unreadable state file.
    /// </summary>
    public async Task<PullReport> PullAsync(PullOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.OutputFolder);
        var state = PullState.Read(options.OutputFolder);
        var since = options.Since ?? (state is not null && string.Equals(state.Server, _base, StringComparison.Ordinal) ? state.LastPull : null);
        var pool = new Dictionary<string, PulledResource?>(StringComparer.Ordinal);
        var canonicals = new Dictionary<string, PulledResource>(StringComparer.Ordinal);
        var failures = new List<string>();
        var files = new List<string>();
        var resources = 0;
        DateTimeOffset? serverTime = null;
        await foreach (var page in _client.SearchPagesAsync(Query(since, options.PageSize), cancellationToken))
        {
            serverTime ??= SearchTime(page);
            var matches = new List<PulledResource>();
            foreach (var entry in BundleReader.Entries(page.Body))
            {
                if (entry.Resource.IsEmpty || PulledResource.From(entry.Resource) is not { } resource)
                {
                    continue;
                }

                Remember(resource, pool, canonicals);
                if (resource.Type == "ResearchStudy" && entry.SearchMode is null or "match")
                {
                    matches.Add(resource);
                }
            }

            foreach (var study in matches)
            {
                var graph = await GraphAsync(study, pool, canonicals, cancellationToken);
                try
                {
                    files.Add(Write(study, graph, options));
                    resources += graph.Count;
                }
                catch (Exception ex) when (ex is PullWriteException or IOException or UnauthorizedAccessException)
                {
                    failures.Add($"{study.Key}: {ex.Message.ReplaceLineEndings(" ")}");
                }

                progress?.Report(files.Count + failures.Count);
            }
        }

        var next = serverTime ?? _time.GetUtcNow();
        if (failures.Count == 0)
        {
            new PullState(_base, next).Write(options.OutputFolder);
        }

        return new PullReport(_base, since, failures.Count == 0 ? next : null, files.Count, resources, failures, files);
    }

    /// <summary>The server's time of the search: the searchset's <c>meta.lastUpdated</c>, else its Date header, else ours.</summary>
    private DateTimeOffset SearchTime(FhirResponse page)
    {
        using var document = JsonDocument.Parse(page.Body);
        if (document.RootElement.TryGetProperty("meta", out var meta) && meta.TryGetProperty("lastUpdated", out var updated)
            && updated.ValueKind == JsonValueKind.String && updated.TryGetDateTimeOffset(out var when))
        {
            return when;
        }

        return page.Date ?? _time.GetUtcNow();
    }

    private static void Remember(PulledResource resource, Dictionary<string, PulledResource?> pool, Dictionary<string, PulledResource> canonicals)
    {
        pool[resource.Key] = resource;
        if (resource.Canonical is { } canonical)
        {
            canonicals[canonical] = resource;
        }
    }

    /// <summary>The study and every resource of this server it reaches through references and canonicals (not other studies), reading what is missing.</summary>
    private async Task<List<PulledResource>> GraphAsync(PulledResource study, Dictionary<string, PulledResource?> pool, Dictionary<string, PulledResource> canonicals, CancellationToken cancellationToken)
    {
        var graph = new List<PulledResource> { study };
        var seen = new HashSet<string>(StringComparer.Ordinal) { study.Key };
        for (var i = 0; i < graph.Count && graph.Count < MaxResourcesPerStudy; i++)
        {
            foreach (var (key, canonical) in graph[i].Targets(_base))
            {
                var target = key is not null
                    ? await ResolveAsync(key, pool, canonicals, cancellationToken)
                    : await ResolveCanonicalAsync(canonical!, pool, canonicals, cancellationToken);
                if (target is not null && target.Type != "ResearchStudy" && seen.Add(target.Key))
                {
                    graph.Add(target);
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// The definition with this canonical URL: from the includes, else searched by <c>url</c> as the type the
    /// URL names (<c>…/ActivityDefinition/…</c>), else as ActivityDefinition and PlanDefinition.
    /// </summary>
    private async Task<PulledResource?> ResolveCanonicalAsync(string canonical, Dictionary<string, PulledResource?> pool, Dictionary<string, PulledResource> canonicals, CancellationToken cancellationToken)
    {
        if (canonicals.TryGetValue(canonical, out var known))
        {
            return known;
        }

        var missKey = "canonical:" + canonical;
        if (pool.ContainsKey(missKey))
        {
            return null;
        }

        pool[missKey] = null;
        string[] types = canonical.Contains("/PlanDefinition/", StringComparison.Ordinal) ? ["PlanDefinition"]
            : canonical.Contains("/ActivityDefinition/", StringComparison.Ordinal) ? ["ActivityDefinition"]
            : ["ActivityDefinition", "PlanDefinition"];
        foreach (var type in types)
        {
            await foreach (var page in _client.SearchPagesAsync(type + "?url=" + Uri.EscapeDataString(canonical), cancellationToken))
            {
                foreach (var entry in BundleReader.Entries(page.Body))
                {
                    if (!entry.Resource.IsEmpty && PulledResource.From(entry.Resource) is { } resource)
                    {
                        Remember(resource, pool, canonicals);
                    }
                }
            }

            if (canonicals.TryGetValue(canonical, out var found))
            {
                return found;
            }
        }

        return null;
    }

    private async Task<PulledResource?> ResolveAsync(string key, Dictionary<string, PulledResource?> pool, Dictionary<string, PulledResource> canonicals, CancellationToken cancellationToken)
    {
        if (pool.TryGetValue(key, out var known))
        {
            return known;
        }

        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var response = await _client.ReadAsync(key[..slash], key[(slash + 1)..], cancellationToken);
        var resource = response is null ? null : PulledResource.From(response.Body);
        pool[key] = resource;
        if (resource is not null)
        {
            Remember(resource, pool, canonicals);
        }

        return resource;
    }
}
