using System.Collections.Concurrent;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.Validation.Terminology;

/// <summary>
/// Local terminology for validation: CodeSystems and ValueSets from the loaded packages (R4 core and
/// its expansions, our profiles, a user's IGs). No terminology server: codes of systems we do not
/// hold are only checked where a ValueSet enumerates them. Thread-safe; everything is built once.
/// </summary>
internal sealed class TerminologyService
{
    private readonly ConcurrentDictionary<string, Lazy<CodeSystemIndex?>> _codeSystems = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ExpandedValueSet?>> _valueSets = new(StringComparer.Ordinal);

    public TerminologyService(IResourceResolver resolver) => Resolver = resolver;

    public IResourceResolver Resolver { get; }

    /// <summary>The CodeSystem with this canonical, or null when no package holds it.</summary>
    public CodeSystemIndex? GetCodeSystem(string system) =>
        _codeSystems.GetOrAdd(system, s => new Lazy<CodeSystemIndex?>(() => LoadCodeSystem(s))).Value;

    /// <summary>The ValueSet's codes as far as known locally, or null when no package holds it.</summary>
    public ExpandedValueSet? GetValueSet(string url) =>
        _valueSets.GetOrAdd(url, u => new Lazy<ExpandedValueSet?>(() => LoadValueSet(u))).Value;

    /// <summary>The codes of an imported ValueSet while expanding another one.</summary>
    internal CodeSet? GetCodeSet(string url)
    {
        if (GetValueSet(url) is not { } vs)
        {
            return null;
        }

        var set = new CodeSet { IsComplete = vs.IsComplete };
        set.OpenSystems.UnionWith(vs.OpenSystems);
        var expanded = new ValueSetExpander(this).Expand(url);
        if (expanded is not null)
        {
            set.UnionWith(expanded);
        }

        return set;
    }

    private CodeSystemIndex? LoadCodeSystem(string system)
    {
        var node = Resolver.ResolveNode(system);
        return node is { Type.Name: "CodeSystem" } ? CodeSystemIndex.Build(node) : null;
    }

    private ExpandedValueSet? LoadValueSet(string url)
    {
        var codes = new ValueSetExpander(this).Expand(url);
        if (codes is null)
        {
            return null;
        }

        var node = Resolver.ResolveNode(url);
        var title = node?.Child("title")?.Text ?? node?.Child("name")?.Text;
        return new ExpandedValueSet(url, title, codes);
    }

    /// <summary>The title of a CodeSystem or ValueSet for messages.</summary>
    public static string? TitleOf(ElementNode? node) => node?.Child("title")?.Text ?? node?.Child("name")?.Text;
}
