using FhirTrials.Fhir.ElementModel;
using FhirTrials.Fhir.Packages;

namespace FhirTrials.FhirPath.Fhir;

/// <summary>The concepts of a locally known, complete CodeSystem, optionally narrowed by ValueSet filters on its hierarchy.</summary>
internal static class CodeSystemConcepts
{
    /// <summary>The codes the filters select (all codes without filters); null when the system is unknown, incomplete, or a filter is unsupported.</summary>
    public static CodeSet? Select(IResourceResolver resolver, string system, IReadOnlyList<ElementNode> filters)
    {
        if (resolver.ResolveNode(system) is not { } codeSystem || codeSystem.Child("content")?.Text is not "complete")
        {
            return null;
        }

        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var all = new List<string>();
        Index(codeSystem, null, children, all);
        IEnumerable<string> selected = all;
        foreach (var filter in filters)
        {
            var property = filter.Child("property")?.Text;
            var op = filter.Child("op")?.Text;
            var value = filter.Child("value")?.Text;
            if (property is not ("concept" or "code") || value is null)
            {
                return null;
            }

            HashSet<string>? matching = op switch
            {
                "is-a" => Descendants(value, children, includeSelf: true),
                "descendent-of" => Descendants(value, children, includeSelf: false),
                "is-not-a" => [.. all.Except(Descendants(value, children, includeSelf: true))],
                "=" => [value],
                "in" => [.. value.Split(',', StringSplitOptions.TrimEntries)],
                _ => null,
            };
            if (matching is null)
            {
                return null;
            }

            selected = selected.Where(matching.Contains).ToList();
        }

        var codes = new CodeSet();
        foreach (var code in selected)
        {
            codes.Add(system, code);
        }

        return codes;
    }

    private static void Index(ElementNode parent, string? parentCode, Dictionary<string, List<string>> children, List<string> all)
    {
        foreach (var concept in parent.ChildrenNamed("concept"))
        {
            if (concept.Child("code")?.Text is not { } code)
            {
                continue;
            }

            all.Add(code);
            if (parentCode is not null)
            {
                if (!children.TryGetValue(parentCode, out var list))
                {
                    children[parentCode] = list = [];
                }

                list.Add(code);
            }

            Index(concept, code, children, all);
        }
    }

    private static HashSet<string> Descendants(string code, Dictionary<string, List<string>> children, bool includeSelf)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(code);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (children.TryGetValue(current, out var list))
            {
                foreach (var child in list)
                {
                    if (result.Add(child))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        if (includeSelf)
        {
            result.Add(code);
        }

        return result;
    }
}
