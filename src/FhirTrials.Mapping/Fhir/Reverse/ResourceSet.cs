using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The resources of one or more studies, found by what references hold: a Bundle entry's fullUrl
/// (<c>urn:uuid:...</c>), <c>Type/id</c>, an absolute URL ending in <c>Type/id</c>, or the canonical
/// URL of a PlanDefinition / ActivityDefinition.
/// </summary>
public sealed class ResourceSet
{
    private readonly Dictionary<string, Resource> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resource> _byCanonical = new(StringComparer.Ordinal);
    private readonly List<Resource> _resources = [];

    /// <summary>The resources of a Bundle's entries, addressable by fullUrl too.</summary>
    public static ResourceSet FromBundle(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        var set = new ResourceSet();
        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is { } resource)
            {
                set.Add(resource, entry.FullUrl);
            }
        }

        return set;
    }

    /// <summary>Resources pulled from a server (addressable by <c>Type/id</c> and canonical URL).</summary>
    public static ResourceSet FromResources(IEnumerable<Resource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var set = new ResourceSet();
        foreach (var resource in resources)
        {
            set.Add(resource, fullUrl: null);
        }

        return set;
    }

    public IReadOnlyList<Resource> Resources => _resources;

    public void Add(Resource resource, string? fullUrl)
    {
        ArgumentNullException.ThrowIfNull(resource);
        _resources.Add(resource);
        if (fullUrl is not null)
        {
            _byAddress[fullUrl] = resource;
        }

        if (resource.Id is { } id)
        {
            _byAddress[resource.TypeName + "/" + id] = resource;
        }

        var canonical = resource switch
        {
            ActivityDefinition activity => activity.Url,
            PlanDefinition plan => plan.Url,
            _ => null,
        };
        if (canonical is not null)
        {
            _byCanonical[canonical] = resource;
        }
    }

    /// <summary>The resource a reference points at, or null when it is not in the set.</summary>
    public T? Resolve<T>(Reference? reference)
        where T : Resource
    {
        if (reference?.ReferenceValue is not { } address)
        {
            return null;
        }

        if (_byAddress.TryGetValue(address, out var resource))
        {
            return resource as T;
        }

        var slash = address.LastIndexOf('/');
        var typeSlash = slash > 0 ? address.LastIndexOf('/', slash - 1) : -1;
        return typeSlash >= 0 && _byAddress.TryGetValue(address[(typeSlash + 1)..], out resource) ? resource as T : null;
    }

    /// <summary>The PlanDefinition or ActivityDefinition with this canonical URL (a <c>|version</c> suffix ignored), or null.</summary>
    public T? ResolveCanonical<T>(string? canonical)
        where T : Resource
    {
        if (canonical is null)
        {
            return null;
        }

        var bar = canonical.IndexOf('|', StringComparison.Ordinal);
        return _byCanonical.TryGetValue(bar < 0 ? canonical : canonical[..bar], out var resource) ? resource as T : null;
    }
}
