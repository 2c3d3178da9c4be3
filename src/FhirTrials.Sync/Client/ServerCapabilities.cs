using System.Globalization;
using System.Text.Json;

namespace FhirTrials.Sync.Client;

/// <summary>
/// What a server's CapabilityStatement says that sync needs: the FHIR version, the system interactions
/// (transaction, batch), the interactions per resource type, conditional update/create support, and
/// a maximum bundle size when the server hints one.
/// </summary>
public sealed class ServerCapabilities
{
    /// <summary>An extension some deployments use to announce their bundle entry limit (ours, and a common convention).</summary>
    public const string MaxBundleEntriesExtension = "https://fhirtrials.org/fhir/StructureDefinition/max-bundle-entries";

    public string? FhirVersion { get; init; }

    public string? Software { get; init; }

    public IReadOnlySet<string> SystemInteractions { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Interactions per resource type (read, update, create, delete, search-type…).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> TypeInteractions { get; init; } = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);

    /// <summary>Resource types whose <c>conditionalUpdate</c> is true.</summary>
    public IReadOnlySet<string> ConditionalUpdate { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public int? MaxBundleEntries { get; init; }

    public bool IsR4 => FhirVersion is { } version && version.StartsWith("4.0", StringComparison.Ordinal);

    public bool SupportsTransaction => SystemInteractions.Contains("transaction");

    public bool SupportsBatch => SystemInteractions.Contains("batch");

    /// <summary>True when <paramref name="type"/> lists <paramref name="interaction"/> (or the server lists no resources at all).</summary>
    public bool Supports(string type, string interaction) =>
        TypeInteractions.Count == 0 || (TypeInteractions.TryGetValue(type, out var set) && set.Contains(interaction));

    /// <summary>Reads a CapabilityStatement; throws <see cref="FhirClientException"/> when it is not one.</summary>
    public static ServerCapabilities Parse(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FhirClientException($"{source}: the answer is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || !type.ValueEquals("CapabilityStatement"))
            {
                throw new FhirClientException($"{source}: the answer is not a CapabilityStatement");
            }

            var system = new HashSet<string>(StringComparer.Ordinal);
            var types = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            var conditional = new HashSet<string>(StringComparer.Ordinal);
            int? max = MaxEntries(root);
            foreach (var rest in Array(root, "rest").Where(r => Text(r, "mode") is "server" or null))
            {
                system.UnionWith(Array(rest, "interaction").Select(i => Text(i, "code")).OfType<string>());
                max ??= MaxEntries(rest);
                foreach (var resource in Array(rest, "resource"))
                {
                    if (Text(resource, "type") is not { } name)
                    {
                        continue;
                    }

                    types[name] = Array(resource, "interaction").Select(i => Text(i, "code")).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    if (resource.TryGetProperty("conditionalUpdate", out var cu) && cu.ValueKind == JsonValueKind.True)
                    {
                        conditional.Add(name);
                    }
                }
            }

            return new ServerCapabilities
            {
                FhirVersion = Text(root, "fhirVersion"),
                Software = root.TryGetProperty("software", out var software) ? string.Join(' ', new[] { Text(software, "name"), Text(software, "version") }.OfType<string>()) : null,
                SystemInteractions = system,
                TypeInteractions = types,
                ConditionalUpdate = conditional,
                MaxBundleEntries = max,
            };
        }
    }

    private static int? MaxEntries(JsonElement element)
    {
        foreach (var extension in Array(element, "extension"))
        {
            if (Text(extension, "url") == MaxBundleEntriesExtension
                && extension.TryGetProperty("valuePositiveInt", out var value) && value.TryGetInt32(out var max))
            {
                return max;
            }

            if (Text(extension, "url") == MaxBundleEntriesExtension && Text(extension, "valueString") is { } text
                && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
