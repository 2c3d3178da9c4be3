using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.FhirPath.Fhir;

/// <summary>
/// <c>memberOf()</c> against locally known ValueSets: the pre-computed expansion when the resolver
/// has one, otherwise the ValueSet's <c>compose</c> evaluated over locally known CodeSystems (listed
/// concepts, whole systems, <c>is-a</c>/<c>descendent-of</c>/<c>=</c> filters on concepts). ValueSets
/// that cannot be computed this way give an unknown (empty) answer. Code sets are cached per resolver.
/// </summary>
internal static class ValueSetMembership
{
    private const int MaxDepth = 8;
    private static readonly ConditionalWeakTable<IResourceResolver, ConcurrentDictionary<string, CodeSet?>> Cache = new();

    /// <summary>Whether a code, Coding or CodeableConcept is in the ValueSet; null when the ValueSet cannot be expanded locally.</summary>
    public static bool? IsMember(IResourceResolver resolver, string valueSetUrl, in FhirPathItem item)
    {
        var codes = Codes(resolver, valueSetUrl, 0);
        if (codes is null)
        {
            return null;
        }

        if (item.Node is not { } node || node.IsPrimitive)
        {
            var code = item.Node?.Text ?? item.StringValue;
            return code is not null && codes.ContainsCode(code);
        }

        return node.TypeName switch
        {
            "Coding" => IsCodingMember(codes, node),
            "CodeableConcept" => node.ChildrenNamed("coding").Any(coding => IsCodingMember(codes, coding)),
            _ => false,
        };
    }

    private static bool IsCodingMember(CodeSet codes, ElementNode coding) =>
        coding.Child("code")?.Text is { } code && codes.Contains(coding.Child("system")?.Text, code);

    private static CodeSet? Codes(IResourceResolver resolver, string url, int depth) =>
        depth > MaxDepth ? null : Cache.GetOrCreateValue(resolver).GetOrAdd(url, u => Build(resolver, u, depth));

    private static CodeSet? Build(IResourceResolver resolver, string url, int depth)
    {
        if (resolver.ResolveExpansion(url)?.Child("expansion") is { } expansion)
        {
            var expanded = new CodeSet();
            AddContains(expansion, expanded);
            return expanded;
        }

        if (resolver.ResolveNode(url) is not { } valueSet || valueSet.Child("compose") is not { } compose)
        {
            return null;
        }

        var result = new CodeSet();
        foreach (var include in compose.ChildrenNamed("include"))
        {
            if (Include(resolver, include, depth) is not { } included)
            {
                return null;
            }

            result.AddAll(included);
        }

        foreach (var exclude in compose.ChildrenNamed("exclude"))
        {
            if (Include(resolver, exclude, depth) is not { } excluded)
            {
                return null;
            }

            result.RemoveAll(excluded);
        }

        return result;
    }

    private static void AddContains(ElementNode parent, CodeSet codes)
    {
        foreach (var contains in parent.ChildrenNamed("contains"))
        {
            if (contains.Child("code")?.Text is { } code)
            {
                codes.Add(contains.Child("system")?.Text, code);
            }

            AddContains(contains, codes);
        }
    }

    /// <summary>The codes one <c>include</c> (or <c>exclude</c>) selects; null when they cannot be computed locally.</summary>
    private static CodeSet? Include(IResourceResolver resolver, ElementNode include, int depth)
    {
        var codes = new CodeSet();
        var system = include.Child("system")?.Text;
        var concepts = include.ChildrenNamed("concept").ToList();
        var filters = include.ChildrenNamed("filter").ToList();
        if (system is not null)
        {
            if (concepts.Count > 0)
            {
                foreach (var concept in concepts)
                {
                    if (concept.Child("code")?.Text is { } code)
                    {
                        codes.Add(system, code);
                    }
                }
            }
            else if (CodeSystemConcepts.Select(resolver, system, filters) is { } selected)
            {
                codes.AddAll(selected);
            }
            else
            {
                return null;
            }
        }

        foreach (var valueSet in include.ChildrenNamed("valueSet"))
        {
            if (valueSet.Text is not { } url || Codes(resolver, url, depth + 1) is not { } nested)
            {
                return null;
            }

            codes = system is null && codes.IsEmpty ? nested.Copy() : codes.Intersect(nested);
        }

        return codes;
    }
}
