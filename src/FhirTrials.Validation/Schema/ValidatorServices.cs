using FhirTrials.Fhir.Packages;
using FhirTrials.Validation.Definitions;
using FhirTrials.Validation.Invariants;
using FhirTrials.Validation.Terminology;

namespace FhirTrials.Validation.Schema;

/// <summary>Everything a validator shares across runs and threads: definitions, compiled schemas, terminology and the invariant engine.</summary>
internal sealed class ValidatorServices
{
    public ValidatorServices(IResourceResolver resolver, IInvariantEvaluator invariants, ValidatorSettings settings)
    {
        Settings = settings;
        Resolver = resolver;
        Invariants = invariants;
        Definitions = new StructureDefinitionSource(resolver);
        Terminology = new TerminologyService(resolver);
        Schemas = new SchemaCache(Definitions, (sd, cache) => new SchemaCompiler(this).Compile(sd));
        _globalProfiles = new Lazy<ILookup<string, string>>(LoadGlobalProfiles);
    }

    private readonly Lazy<ILookup<string, string>> _globalProfiles;

    /// <summary>The profiles ImplementationGuides in the loaded packages declare for every resource of a type (<c>ImplementationGuide.global</c>).</summary>
    public IEnumerable<string> GlobalProfiles(string resourceType) => _globalProfiles.Value[resourceType];

    private ILookup<string, string> LoadGlobalProfiles()
    {
        if (Resolver is not CanonicalResolver canonical)
        {
            return Array.Empty<(string, string)>().ToLookup(x => x.Item1, x => x.Item2);
        }

        var globals = new List<(string Type, string Profile)>();
        foreach (var (package, entry) in canonical.Entries("ImplementationGuide"))
        {
            foreach (var global in canonical.Node(package, entry.FileName)?.ChildrenNamed("global") ?? [])
            {
                if (global.Child("type")?.Text is { } type && global.Child("profile")?.Text is { } profile)
                {
                    globals.Add((type, profile));
                }
            }
        }

        return globals.ToLookup(g => g.Type, g => g.Profile, StringComparer.Ordinal);
    }

    /// <summary>The policy choices of this validator (schemas compile them in).</summary>
    public ValidatorSettings Settings { get; }

    public IResourceResolver Resolver { get; }

    public IInvariantEvaluator Invariants { get; }

    public StructureDefinitionSource Definitions { get; }

    public TerminologyService Terminology { get; }

    public SchemaCache Schemas { get; }
}
