using System.Globalization;
using System.Text;

namespace FhirTrials.Mapping.Fhir;

/// <summary>
/// The stable ids of one trial's resources, derived from its registry id (<c>nct03765957</c>,
/// <c>nct03765957-eligibility</c>, <c>nct03765957-arm-1-dose-a</c>...), their canonical URLs and
/// their <c>urn:uuid</c> fullUrls (v5 UUIDs of registry id + resource type + id). Organizations are
/// shared between trials: their id is a hash of the normalised name, and so is their fullUrl.
/// One instance per trial; an instance is not thread-safe.
/// </summary>
public sealed class ResourceKeys
{
    private const int MaxIdLength = 64;
    private const int OrganizationCacheLimit = 100_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> OrganizationIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), string> _fullUrls = [];

    public ResourceKeys(string registryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registryId);
        RegistryId = registryId;
        Study = Slug(registryId, MaxIdLength - "-intervention-999-dose-999".Length);
    }

    public string RegistryId { get; }

    /// <summary>Id of the ResearchStudy, e.g. <c>nct03765957</c>; every other id starts with it.</summary>
    public string Study { get; }

    public string Eligibility => Study + "-eligibility";

    public string Protocol => Study + "-protocol";

    public string Intervention(int number) => Invariant($"{Study}-intervention-{number}");

    public string Site(int number) => Invariant($"{Study}-site-{number}");

    public string Official(int number) => Invariant($"{Study}-official-{number}");

    public string OfficialRole(int number) => Invariant($"{Study}-official-{number}-role");

    /// <summary>Id of a dose-group ActivityDefinition: <c>-arm-N-dose-LABEL</c> when it belongs to arm N and has a label.</summary>
    public string DoseGroup(int interventionNumber, int doseNumber, int? armNumber, string? label)
    {
        if (armNumber is { } arm && label is not null)
        {
            var room = MaxIdLength - Study.Length - Invariant($"-arm-{arm}-dose-").Length;
            var slug = Slug(StripGroupWord(label), room);
            if (slug.Length > 0)
            {
                return Invariant($"{Study}-arm-{arm}-dose-{slug}");
            }
        }

        return Invariant($"{Study}-intervention-{interventionNumber}-dose-{doseNumber}");
    }

    /// <summary>Id of the Organization named <paramref name="name"/>: <c>org-</c> and a hash of the normalised name.</summary>
    public static string Organization(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (OrganizationIds.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (OrganizationIds.Count >= OrganizationCacheLimit)
        {
            OrganizationIds.Clear();
        }

        return OrganizationIds[name] = "org-" + DeterministicUuid.ShortHash(NormaliseName(name));
    }

    /// <summary>The <c>urn:uuid</c> fullUrl of a resource of this trial (of any trial for Organizations).</summary>
    public string FullUrl(string resourceType, string id)
    {
        if (!_fullUrls.TryGetValue((resourceType, id), out var fullUrl))
        {
            fullUrl = string.Equals(resourceType, "Organization", StringComparison.Ordinal)
                ? DeterministicUuid.Urn("Organization/" + id)
                : DeterministicUuid.Urn(RegistryId + "/" + resourceType + "/" + id);
            _fullUrls[(resourceType, id)] = fullUrl;
        }

        return fullUrl;
    }

    /// <summary>Canonical URL of a PlanDefinition or ActivityDefinition.</summary>
    public static string Canonical(string resourceType, string id) => SystemUris.CanonicalBase + resourceType + "/" + id;

    /// <summary>Lower case, whitespace collapsed, punctuation dropped: "Pfizer, Inc." and "PFIZER Inc" are one organization.</summary>
    public static string NormaliseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in Ascii.IsValid(name) ? name : name.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>A FHIR id fragment: lower-case letters, digits and single hyphens, at most <paramref name="maxLength"/> characters.</summary>
    public static string Slug(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (builder.Length >= maxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    private static string StripGroupWord(string label)
    {
        var trimmed = label.Trim();
        return trimmed.StartsWith("group ", StringComparison.OrdinalIgnoreCase) ? trimmed[6..] : trimmed;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
