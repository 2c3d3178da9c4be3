using System.Text.RegularExpressions;
using FhirTrials.Fhir.ElementModel;

namespace FhirTrials.Validation.Terminology;

/// <summary>
/// Expands a ValueSet locally: from its published expansion when a package has one, else from its
/// <c>compose</c> (enumerated concepts, whole CodeSystems we hold, filters on them, imported
/// ValueSets, excludes). What cannot be evaluated locally is recorded as open, never as invalid.
/// </summary>
internal sealed class ValueSetExpander
{
    private readonly TerminologyService _terminology;
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    public ValueSetExpander(TerminologyService terminology) => _terminology = terminology;

    public CodeSet? Expand(string url)
    {
        if (!_inProgress.Add(url))
        {
            return new CodeSet { IsComplete = false };
        }

        try
        {
            if (_terminology.Resolver.ResolveExpansion(url) is { } expanded && expanded.Child("expansion") is { } expansion && IsComplete(expansion))
            {
                var set = new CodeSet();
                AddContains(expansion, set);
                return set;
            }

            return _terminology.Resolver.ResolveNode(url) is { Type.Name: "ValueSet" } vs ? FromCompose(vs) : null;
        }
        finally
        {
            _inProgress.Remove(url);
        }
    }

    /// <summary>False for expansions the publisher cut short (too costly, limited) or left empty.</summary>
    private static bool IsComplete(ElementNode expansion)
    {
        if (expansion.Child("contains") is null)
        {
            return false;
        }

        foreach (var extension in expansion.ChildrenNamed("extension"))
        {
            if (extension.Child("url")?.Text?.EndsWith("/valueset-toocostly", StringComparison.Ordinal) == true)
            {
                return false;
            }
        }

        foreach (var parameter in expansion.ChildrenNamed("parameter"))
        {
            if (string.Equals(parameter.Child("name")?.Text, "limitedExpansion", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddContains(ElementNode node, CodeSet set)
    {
        foreach (var item in node.ChildrenNamed("contains"))
        {
            if (item.Child("system")?.Text is { } system && item.Child("code")?.Text is { } code)
            {
                set.Add(system, code, item.Child("display")?.Text);
            }

            AddContains(item, set);
        }
    }

    private CodeSet FromCompose(ElementNode vs)
    {
        var set = new CodeSet();
        var compose = vs.Child("compose");
        if (compose is null)
        {
            set.IsComplete = false;
            return set;
        }

        foreach (var include in compose.ChildrenNamed("include"))
        {
            set.UnionWith(Include(include));
        }

        foreach (var exclude in compose.ChildrenNamed("exclude"))
        {
            var removed = Include(exclude);
            foreach (var (system, codes) in removed.Codes)
            {
                foreach (var code in codes.Keys)
                {
                    set.Remove(system, code);
                }
            }
        }

        return set;
    }

    private CodeSet Include(ElementNode include)
    {
        CodeSet? result = null;
        if (include.Child("system")?.Text is { } system)
        {
            result = FromSystem(include, system);
        }

        foreach (var imported in include.ChildrenNamed("valueSet"))
        {
            var other = imported.Text is { } url ? _terminology.GetCodeSet(url) : null;
            other ??= new CodeSet { IsComplete = false };
            if (result is null)
            {
                result = new CodeSet();
                result.UnionWith(other);
            }
            else
            {
                result.IntersectWith(other);
            }
        }

        return result ?? new CodeSet();
    }

    private CodeSet FromSystem(ElementNode include, string system)
    {
        var set = new CodeSet();
        var codeSystem = _terminology.GetCodeSystem(system);
        var concepts = include.ChildrenNamed("concept").ToList();
        if (concepts.Count > 0)
        {
            foreach (var concept in concepts)
            {
                if (concept.Child("code")?.Text is { } code)
                {
                    set.Add(system, code, concept.Child("display")?.Text ?? codeSystem?.Find(code)?.Display);
                }
            }

            return set;
        }

        if (codeSystem is null || !codeSystem.IsComplete)
        {
            set.OpenSystems.Add(system);
            return set;
        }

        var filters = include.ChildrenNamed("filter").ToList();
        foreach (var concept in codeSystem.Concepts)
        {
            var keep = true;
            foreach (var filter in filters)
            {
                if (Matches(codeSystem, concept, filter) is not { } matches)
                {
                    set.OpenSystems.Add(system);
                    return set;
                }

                keep &= matches;
            }

            if (keep)
            {
                set.Add(system, concept.Code, concept.Display);
            }
        }

        return set;
    }

    /// <summary>Whether a concept passes a filter; null for filters we cannot evaluate.</summary>
    private static bool? Matches(CodeSystemIndex codeSystem, Concept concept, ElementNode filter)
    {
        var property = filter.Child("property")?.Text;
        var value = filter.Child("value")?.Text;
        if (property is null || value is null)
        {
            return null;
        }

        return filter.Child("op")?.Text switch
        {
            "is-a" when property == "concept" => codeSystem.IsA(concept.Code, value),
            "descendent-of" when property == "concept" => !string.Equals(concept.Code, value, StringComparison.Ordinal) && codeSystem.IsA(concept.Code, value),
            "is-not-a" when property == "concept" => !codeSystem.IsA(concept.Code, value),
            "generalizes" when property == "concept" => codeSystem.IsA(value, concept.Code),
            "in" when property is "concept" or "code" => value.Split(',').Any(v => string.Equals(v.Trim(), concept.Code, StringComparison.Ordinal)),
            "regex" when property is "code" => Regex.IsMatch(concept.Code, "^(" + value + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)),
            "=" => concept.Properties.TryGetValue(property, out var v) && string.Equals(v, value, StringComparison.Ordinal),
            "exists" => concept.Properties.ContainsKey(property) == string.Equals(value, "true", StringComparison.Ordinal),
            _ => null,
        };
    }
}
