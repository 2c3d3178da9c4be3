using FhirTrials.Fhir.Model;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// Assembles one trial's transaction Bundle: every entry has a <c>urn:uuid</c> fullUrl and a
/// conditional request (a conditional update by identifier or canonical URL, or a conditional create
/// for shared Organizations), and entries come in a fixed order of resource types.
/// </summary>
internal sealed class BundleBuilder
{
    private static readonly string[] TypeOrder =
        ["ResearchStudy", "PlanDefinition", "ActivityDefinition", "Group", "Organization", "Location", "Practitioner", "PractitionerRole"];

    private readonly List<Bundle.EntryComponent> _entries = [];
    private readonly HashSet<string> _fullUrls = new(StringComparer.Ordinal);

    /// <summary>Whether an entry with this fullUrl was added.</summary>
    public bool Contains(string fullUrl) => _fullUrls.Contains(fullUrl);

    /// <summary>Adds a conditional update: <c>PUT Type?search</c>.</summary>
    public void Update(Resource resource, string fullUrl, string search) =>
        Add(resource, fullUrl, new Bundle.RequestComponent { Method = HTTPVerb.PUT, Url = resource.TypeName + "?" + search });

    /// <summary>Adds a conditional create: <c>POST Type</c> with <c>ifNoneExist</c>.</summary>
    public void CreateIfNoneExist(Resource resource, string fullUrl, string search) =>
        Add(resource, fullUrl, new Bundle.RequestComponent { Method = HTTPVerb.POST, Url = resource.TypeName, IfNoneExist = search });

    /// <summary>The transaction Bundle, entries ordered by resource type (stable within a type).</summary>
    public Bundle Build()
    {
        var bundle = new Bundle { Type = BundleType.Transaction };
        bundle.Entry.AddRange(_entries.OrderBy(e => Array.IndexOf(TypeOrder, e.Resource!.TypeName)));
        return bundle;
    }

    /// <summary>The search expression <c>identifier=system|value</c> (value percent-encoded where needed).</summary>
    public static string IdentifierSearch(string system, string value) => "identifier=" + system + "|" + Uri.EscapeDataString(value);

    /// <summary>The search expression <c>url=canonical</c>.</summary>
    public static string UrlSearch(string canonical) => "url=" + canonical;

    private void Add(Resource resource, string fullUrl, Bundle.RequestComponent request)
    {
        if (!_fullUrls.Add(fullUrl))
        {
            throw new InvalidOperationException($"{resource.TypeName}/{resource.Id}: the bundle already has an entry {fullUrl}");
        }

        _entries.Add(new Bundle.EntryComponent { FullUrl = fullUrl, Resource = resource, Request = request });
    }
}
