using FhirTrials.Fhir.Packages;

namespace FhirTrials.Validation;

/// <summary>
/// The FhirTrials profiles (<c>fhirtrials.profiles</c>, canonical <c>https://fhirtrials.org/fhir</c>):
/// the StructureDefinitions, extensions, ValueSets and CodeSystems of the repository's <c>profiles/</c>
/// folder, embedded in this assembly.
/// </summary>
public static class FhirTrialsProfiles
{
    /// <summary>The canonical base of every FhirTrials conformance resource.</summary>
    public const string Canonical = "https://fhirtrials.org/fhir";

    private const string Prefix = "profiles/";
    private static readonly Lazy<FhirPackage> Embedded = new(Load);

    /// <summary>The package, loaded once.</summary>
    public static FhirPackage Package => Embedded.Value;

    /// <summary>The canonical URL of a FhirTrials StructureDefinition by id (<c>FhirTrialsResearchStudy</c>).</summary>
    public static string StructureDefinition(string id) => $"{Canonical}/StructureDefinition/{id}";

    private static FhirPackage Load()
    {
        var assembly = typeof(FhirTrialsProfiles).Assembly;
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            var relative = name.StartsWith(Prefix, StringComparison.Ordinal) ? name[Prefix.Length..] : null;
            if (relative is null || relative.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            files[relative] = memory.ToArray();
        }

        return FhirPackage.FromFiles(files, "embedded:fhirtrials.profiles");
    }
}
