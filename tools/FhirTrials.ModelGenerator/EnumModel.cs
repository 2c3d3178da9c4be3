using System.Text.Json;

namespace FhirTrials.ModelGenerator;

/// <summary>A C# enum for a required ValueSet binding whose codes can be listed.</summary>
internal sealed record GenEnum(string Name, string ValueSetUrl, string? Short, IReadOnlyList<GenEnumMember> Members);

internal sealed record GenEnumMember(string Name, string Code, string System, string? Display);

/// <summary>Finds the enumerable required bindings of the generated classes and names their enums.</summary>
internal static class EnumModel
{
    public static Dictionary<string, GenEnum> Build(Definitions definitions, IEnumerable<GenElement> elements, int maxCodes)
    {
        var result = new Dictionary<string, GenEnum>(StringComparer.Ordinal);
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in elements.Select(e => e.RequiredValueSet).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!definitions.ValueSets.TryGetValue(url, out var valueSet))
            {
                continue;
            }

            var codes = ExpansionCodes(definitions, url) ?? ComposeCodes(definitions, valueSet);
            if (codes is null || codes.Count == 0 || codes.Count > maxCodes || codes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count() != codes.Count)
            {
                continue;
            }

            var name = Naming.Pascal(valueSet.GetProperty("name").GetString()!);
            while (!usedNames.Add(name))
            {
                name += "Code";
            }

            var memberNames = new HashSet<string>(StringComparer.Ordinal);
            var members = codes.Select(c =>
            {
                var member = Naming.Pascal(c.Code);
                if (member.Length == 0 && c.Display is not null)
                {
                    member = Naming.Pascal(c.Display);
                }

                if (member.Length == 0 || member == name)
                {
                    member = "Code" + member;
                }

                while (!memberNames.Add(member))
                {
                    member += "_";
                }

                return new GenEnumMember(member, c.Code, c.System, c.Display);
            }).ToList();
            var title = valueSet.TryGetProperty("title", out var t) ? t.GetString() : valueSet.GetProperty("name").GetString();
            result[url] = new GenEnum(name, url, title, members);
        }

        return result;
    }

    private static List<(string Code, string System, string? Display)>? ExpansionCodes(Definitions definitions, string url)
    {
        if (!definitions.Expansions.TryGetValue(url, out var expanded) || !expanded.GetProperty("expansion").TryGetProperty("contains", out var contains))
        {
            return null;
        }

        var codes = new List<(string, string, string?)>();
        Flatten(contains, codes);
        return codes;

        static void Flatten(JsonElement contains, List<(string, string, string?)> codes)
        {
            foreach (var c in contains.EnumerateArray())
            {
                if (c.TryGetProperty("code", out var code) && !(c.TryGetProperty("abstract", out var a) && a.GetBoolean()))
                {
                    codes.Add((code.GetString()!, c.GetProperty("system").GetString()!, c.TryGetProperty("display", out var d) ? d.GetString() : null));
                }

                if (c.TryGetProperty("contains", out var nested))
                {
                    Flatten(nested, codes);
                }
            }
        }
    }

    private static List<(string Code, string System, string? Display)>? ComposeCodes(Definitions definitions, JsonElement valueSet)
    {
        if (!valueSet.TryGetProperty("compose", out var compose) || compose.TryGetProperty("exclude", out _))
        {
            return null;
        }

        var codes = new List<(string, string, string?)>();
        foreach (var include in compose.GetProperty("include").EnumerateArray())
        {
            if (include.TryGetProperty("valueSet", out _) || include.TryGetProperty("filter", out _) || !include.TryGetProperty("system", out var systemElement))
            {
                return null;
            }

            var system = systemElement.GetString()!;
            if (include.TryGetProperty("concept", out var concepts))
            {
                codes.AddRange(concepts.EnumerateArray().Select(c => (c.GetProperty("code").GetString()!, system, c.TryGetProperty("display", out var d) ? d.GetString() : null)));
            }
            else if (definitions.CodeSystems.TryGetValue(system, out var codeSystem) && codeSystem.TryGetProperty("concept", out var all))
            {
                AddConcepts(all, system, codes);
            }
            else
            {
                return null;
            }
        }

        return codes;

        static void AddConcepts(JsonElement concepts, string system, List<(string, string, string?)> codes)
        {
            foreach (var c in concepts.EnumerateArray())
            {
                codes.Add((c.GetProperty("code").GetString()!, system, c.TryGetProperty("display", out var d) ? d.GetString() : null));
                if (c.TryGetProperty("concept", out var nested))
                {
                    AddConcepts(nested, system, codes);
                }
            }
        }
    }
}
