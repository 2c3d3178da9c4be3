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

    /// <summary>An instant as FHIR writes it, in UTC to the millisecond (<c>2026-01-31T09:00:00.250Z</c>).</summary>
    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The search of one pull: changed studies (when <paramref name="since"/> is given), oldest change first.</summary>
    public static string Query(DateTimeOffset? since, int pageSize)
    {
        var filter = since is { } from ? "_lastUpdated=ge" + Instant(from) + "&" : string.Empty;
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
}
