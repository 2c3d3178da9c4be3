using FhirTrials.Sync.Client;

namespace FhirTrials.Sync.Pull;

// What a study's file holds: the study and what it reaches, from the includes or read on demand.
public sealed partial class Puller
{
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
